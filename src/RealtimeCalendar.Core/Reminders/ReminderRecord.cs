namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// One fired reminder as the Reminders table keeps it (for a day after it was due): what was sent, when it was due,
/// when it is (again) to be shown (<see cref="FireAt"/>: the due minute, or the end of a snooze), where it stands, and
/// when a sweep is to look at it again (<see cref="RetryAt"/>, the sort key of the sparse retry index; null when
/// nothing is pending).
/// </summary>
public sealed record ReminderRecord(
    string UserId,
    ReminderNotice Notice,
    DateTimeOffset DueAt,
    DateTimeOffset FireAt,
    ReminderState State,
    DateTimeOffset? RetryAt);
