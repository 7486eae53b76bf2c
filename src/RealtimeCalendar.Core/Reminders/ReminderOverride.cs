namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// One reminder before an occurrence starts, Google Calendar API v3's <c>reminders.overrides[]</c> entry (and
/// <c>defaultReminders[]</c>): <c>{"method":"popup","minutes":10}</c>. Only <see cref="ReminderLimits.Popup"/> is ours
/// to deliver; <paramref name="Method"/> is null when the caller left it out (read as popup).
/// </summary>
public sealed record ReminderOverride(string? Method, int Minutes)
{
    /// <summary>A popup reminder <paramref name="minutes"/> before the start.</summary>
    public static ReminderOverride Popup(int minutes) => new(ReminderLimits.Popup, minutes);
}
