namespace RealtimeCalendar.Core.Events;

/// <summary>
/// One page of a range listing, earliest start first. <paramref name="NextPageToken"/> is null on the last page and
/// otherwise opaque: pass it back unchanged as <c>pageToken</c> (Google Calendar API v3's <c>events.list</c> shape).
/// A page may hold fewer than the requested number of events, even none, while a next page exists.
/// </summary>
public sealed record EventPage(IReadOnlyList<CalendarEvent> Events, string? NextPageToken);
