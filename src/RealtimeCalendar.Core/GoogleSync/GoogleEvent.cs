using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// The fields of a Google Calendar v3 event resource that sync reads or writes. <see cref="Status"/> is
/// <c>confirmed</c>, <c>tentative</c> or <c>cancelled</c> (a deletion seen through a sync token). <see cref="EventType"/>
/// is Google's <c>eventType</c> (absent on old events: <c>default</c>); <see cref="EndTimeUnspecified"/> is true when
/// the user gave no end (Google still sends an end "for compatibility"). A series carries <see cref="Recurrence"/> (RFC 5545
/// lines). An <em>exception</em> (an instance of a series that was moved, edited or, with status cancelled, deleted) carries
/// <see cref="RecurringEventId"/> (the series' Google id) and <see cref="OriginalStartTime"/> (where the rule puts it);
/// a cancelled exception is only guaranteed those two and its id, every other field may be missing.
/// <see cref="Reminders"/> is Google's <c>reminders</c> as it is, <c>email</c> overrides included (Google's and our
/// <c>reminders</c> share one shape); null when Google sent none (then the calendar's defaults apply, as with
/// <c>useDefault: true</c>).
/// </summary>
public sealed record GoogleEvent(
    string? Id,
    string? Status,
    string? Summary,
    string? Description,
    string? Location,
    GoogleEventTime? Start,
    GoogleEventTime? End,
    DateTimeOffset? Updated,
    string? Etag,
    IReadOnlyList<string>? Recurrence = null,
    string? EventType = null,
    bool EndTimeUnspecified = false,
    string? RecurringEventId = null,
    GoogleEventTime? OriginalStartTime = null,
    EventReminders? Reminders = null)
{
    public const string Cancelled = "cancelled";

    public bool IsCancelled => Status == Cancelled;

    /// <summary>True for an instance of a series that Google lists on its own (moved, edited or cancelled).</summary>
    public bool IsException => RecurringEventId is not null;

    /// <summary>True for a series: it has recurrence lines and is no instance.</summary>
    public bool IsSeries => Recurrence is { Count: > 0 } && !IsException;
}
