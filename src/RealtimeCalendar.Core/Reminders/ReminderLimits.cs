namespace RealtimeCalendar.Core.Reminders;

/// <summary>The bounds of reminders, as Google Calendar API v3 sets them for <c>reminders.overrides</c>, and the sweep's own.</summary>
public static class ReminderLimits
{
    /// <summary>The one method this API delivers (a notification in the browser, or Web Push); Google's <c>email</c> stays there.</summary>
    public const string Popup = "popup";

    /// <summary>Reminders per event, and default reminders per user (Google's limit for overrides).</summary>
    public const int MaxReminders = 5;

    /// <summary>Four weeks, in minutes: Google's upper bound for <c>minutes</c>.</summary>
    public const int MaxMinutes = 40_320;

    /// <summary>What a user who never set defaults gets: one popup ten minutes before.</summary>
    public static IReadOnlyList<ReminderOverride> InitialDefaults { get; } = [ReminderOverride.Popup(10)];

    /// <summary>
    /// A reminder not shown by this long after it was due (no tab was open, or the sweep did not run) is dropped: a
    /// reminder for a meeting that began long ago is noise, not help.
    /// </summary>
    public static readonly TimeSpan LateLimit = TimeSpan.FromMinutes(15);

    /// <summary>How long "snooze" holds a reminder back.</summary>
    public static readonly TimeSpan Snooze = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a fired reminder's record is kept after it was (last) due, so dismiss and snooze still find it; then
    /// the table's TTL deletes it.
    /// </summary>
    public static readonly TimeSpan RecordLifetime = TimeSpan.FromDays(1);

    /// <summary>How long a claimed delivery may stay unconfirmed before the next sweep sends it again.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);
}
