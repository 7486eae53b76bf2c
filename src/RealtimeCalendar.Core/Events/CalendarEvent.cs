namespace RealtimeCalendar.Core.Events;

/// <summary>
/// One stored calendar event. <see cref="Start"/> and <see cref="End"/> are UTC instants; for all-day
/// events both sit on UTC midnight and <see cref="End"/> is exclusive (a one-day event spans 24 h).
/// <see cref="GoogleLink"/> is set once the event exists in the owner's Google Calendar too. <see cref="EventType"/> is
/// one of <see cref="EventTypes"/>; every type but <see cref="EventTypes.Default"/> is read-only.
/// <see cref="End"/> may equal <see cref="Start"/> for a timed event (a point in time, as Google allows).
/// </summary>
public sealed record CalendarEvent(
    string UserId,
    string EventId,
    string Title,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool AllDay,
    string TimeZone,
    string? Description,
    string? Location,
    long Version,
    DateTimeOffset UpdatedAt,
    string Source,
    GoogleEventLink? GoogleLink = null,
    string EventType = EventTypes.Default)
{
    public bool IsReadOnly => EventTypes.IsReadOnly(EventType);
}
