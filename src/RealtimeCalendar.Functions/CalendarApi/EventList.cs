using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Functions.CalendarApi;

/// <summary>
/// Body of <c>GET /api/events</c>: one page, earliest start first. <paramref name="NextPageToken"/> (absent on the last
/// page) goes back as <c>pageToken</c> for the next one, as in Google Calendar API v3's <c>events.list</c>.
/// </summary>
public sealed record EventList(IReadOnlyList<EventResource> Events, string? NextPageToken = null);
