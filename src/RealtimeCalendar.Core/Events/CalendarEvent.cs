using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Core.Events;

/// <summary>
/// One stored calendar event. <see cref="Start"/> and <see cref="End"/> are UTC instants; for all-day
/// events both sit on UTC midnight and <see cref="End"/> is exclusive (a one-day event spans 24 h).
/// <see cref="GoogleLink"/> is set once the event exists in the owner's Google Calendar too. <see cref="EventType"/> is
/// one of <see cref="EventTypes"/>; every type but <see cref="EventTypes.Default"/> is read-only.
/// <see cref="End"/> may equal <see cref="Start"/> for a timed event (a point in time, as Google allows).
/// A <em>series</em> carries <see cref="Recurrence"/> (RFC 5545 lines, Google Calendar API v3's <c>recurrence</c>) and its
/// first occurrence in <see cref="Start"/>..<see cref="End"/>; <see cref="OverrideIds"/> lists the ids of its occurrences
/// that are stored as items of their own (each id ends in the occurrence's original start, <see cref="EventIds.Instance"/>);
/// <see cref="LastOccurrenceEnd"/> is the end of its last occurrence, null while it repeats forever. An <em>override</em> (a moved or edited occurrence) carries
/// <see cref="RecurringEventId"/> and <see cref="OriginalStartTime"/>, as Google's instances do.
/// <see cref="Reminders"/> is null when the owner's default reminders apply (Google's <c>useDefault: true</c>), else the
/// event's own (for a series: of each occurrence not stored as an override; an override carries its own).
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
    string EventType = EventTypes.Default,
    IReadOnlyList<string>? Recurrence = null,
    string? RecurringEventId = null,
    DateTimeOffset? OriginalStartTime = null,
    IReadOnlyList<string>? OverrideIds = null,
    DateTimeOffset? LastOccurrenceEnd = null,
    EventReminders? Reminders = null)
{
    public bool IsReadOnly => EventTypes.IsReadOnly(EventType);

    /// <summary>True for a series (an item with <see cref="Recurrence"/>).</summary>
    public bool IsSeries => Recurrence is not null;

    /// <summary>True for an occurrence of a series, stored (an override) or expanded.</summary>
    public bool IsInstance => RecurringEventId is not null;
}
