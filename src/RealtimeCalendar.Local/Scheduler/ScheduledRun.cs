using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Local.Scheduler;

/// <summary>One invocation the local schedule made: the minute it was for, and what the sweep reported (or why it failed).</summary>
public sealed record ScheduledRun(DateTimeOffset ScheduledTime, int AttemptNumber, ReminderSweepReport? Report, string? Error);
