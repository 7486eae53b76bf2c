namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// What an event item carries for the sweep: the minute its next reminder is due (the sort key of the sparse due
/// index) and the minutes it reminds at, resolved when it was written (its own overrides, or its owner's defaults
/// then; a change of the defaults writes them again).
/// </summary>
public sealed record ReminderDue(DateTimeOffset DueAt, IReadOnlyList<int> Minutes);
