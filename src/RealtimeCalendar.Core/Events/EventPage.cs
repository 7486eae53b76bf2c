namespace RealtimeCalendar.Core.Events;

/// <summary>
/// One page of a range listing, earliest start first. <paramref name="NextPageToken"/> is null on the last page and
/// otherwise opaque: pass it back unchanged as <c>pageToken</c> (Google Calendar API v3's <c>events.list</c> shape).
/// A page may hold fewer than the requested number of events, even none, while a next page exists.
/// </summary>
/// <see cref="Truncated"/> is true on the last page when the listing stopped expanding series at
/// <see cref="Recurrence.RecurrenceLimits.MaxOccurrencesPerQuery"/> occurrences: ask for a narrower range.
public sealed record EventPage(IReadOnlyList<CalendarEvent> Events, string? NextPageToken, bool Truncated = false);
