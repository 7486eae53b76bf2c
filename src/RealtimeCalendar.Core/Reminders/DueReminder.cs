namespace RealtimeCalendar.Core.Reminders;

/// <summary>One reminder of one occurrence and the minute it is due (the start of its minute, UTC).</summary>
public sealed record DueReminder(ReminderNotice Notice, DateTimeOffset DueAt);
