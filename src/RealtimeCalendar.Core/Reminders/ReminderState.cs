namespace RealtimeCalendar.Core.Reminders;

/// <summary>Where one fired reminder stands (its record in the Reminders table).</summary>
public enum ReminderState
{
    /// <summary>Claimed by a sweep and being sent; if it is not confirmed within <see cref="ReminderLimits.RetryDelay"/>, the next sweep sends it again.</summary>
    Sending,

    /// <summary>Delivered to at least one open socket of the owner.</summary>
    Shown,

    /// <summary>The owner had no socket open; sent when a tab connects while it is less than <see cref="ReminderLimits.LateLimit"/> late.</summary>
    Waiting,

    /// <summary>Held back until its fire time (snooze), then sent again.</summary>
    Snoozed,

    /// <summary>Dismissed in some tab: never sent again.</summary>
    Dismissed,

    /// <summary>Never shown within <see cref="ReminderLimits.LateLimit"/> of its fire time: dropped.</summary>
    Missed,
}
