using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Functions.CalendarApi;

/// <summary>Body of <c>GET /api/events</c>.</summary>
public sealed record EventList(IReadOnlyList<EventResource> Events);
