namespace RealtimeCalendar.Core.Events;

/// <summary>
/// Ties a local event to its copy in the user's Google Calendar: Google's id, and the <c>etag</c>/<c>updated</c> of
/// the Google version this event last matched. A pulled Google event whose etag equals <see cref="Etag"/> is our own
/// write coming back (an echo) and is not applied again.
/// </summary>
public sealed record GoogleEventLink(string EventId, string Etag, DateTimeOffset Updated);
