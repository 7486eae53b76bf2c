using System.Text.Json.Serialization;

namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// A user's reminder settings, the body of <c>GET/PUT /api/settings/reminders</c>: the reminders every event with
/// <c>useDefault: true</c> gets (Google Calendar API v3's <c>calendarList.defaultReminders</c>).
/// </summary>
public sealed record ReminderSettings(IReadOnlyList<ReminderOverride> DefaultReminders)
{
    /// <summary>The settings of a user who never saved any (<see cref="ReminderLimits.InitialDefaults"/>).</summary>
    public static ReminderSettings Initial { get; } = new(ReminderLimits.InitialDefaults);

    /// <summary>The minutes of the default reminders.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> Minutes => [.. DefaultReminders.Select(r => r.Minutes)];
}
