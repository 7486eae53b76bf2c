using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Functions.CalendarApi;

/// <summary>
/// Body of <c>GET /api/events</c>: one page, earliest start first. <paramref name="NextPageToken"/> (absent on the last
/// page) goes back as <c>pageToken</c> for the next one, as in Google Calendar API v3's <c>events.list</c>. Occurrences of
/// series are listed after single events; <paramref name="Truncated"/> (true, else absent) says the last page stopped
/// at the occurrence limit.
/// </summary>
public sealed record EventList(IReadOnlyList<EventResource> Events, string? NextPageToken = null, bool? Truncated = null);
