namespace RealtimeCalendar.Core.Reminders;

/// <summary>What a snooze did.</summary>
public enum SnoozeOutcome
{
    Snoozed,

    /// <summary>No such reminder of this user (never fired, or its record has expired).</summary>
    NotFound,

    /// <summary>Already dismissed: a dismissed reminder is never sent again.</summary>
    Dismissed,
}
