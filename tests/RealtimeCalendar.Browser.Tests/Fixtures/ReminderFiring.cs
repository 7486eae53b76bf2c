using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Browser.Tests.Fixtures;

/// <summary>
/// Makes a reminder fire now, without waiting for the real minute: an event whose own reminder is due at the start of
/// the next minute, and the local cloud's reminder schedule invoked for that minute, as EventBridge Scheduler invokes the
/// <c>reminders</c> function (the same function and event shape; the schedule's own tick for that minute finds the
/// reminder already claimed and sends nothing twice).
/// </summary>
public static class ReminderFiring
{
    private const int MinutesBefore = 10;

    /// <summary>Creates the event for <paramref name="user"/> and fires its reminder; answers the event and the reminder's due minute.</summary>
    public static async Task<(StoredEvent Event, DateTimeOffset Due)> CreateAndFireAsync(LocalCloud cloud, CalendarUser user, string title)
    {
        var due = ReminderSchedule.MinuteOf(DateTimeOffset.UtcNow).AddMinutes(1);
        var start = due.AddMinutes(MinutesBefore);
        var stored = await user.Api.CreateAsync(title, start, start.AddMinutes(30), reminderMinutes: [MinutesBefore]);
        var run = await cloud.ReminderSchedule.RunAsync(due, attemptNumber: 1, CancellationToken.None);
        if (run.Error is not null || run.Report is not { Sent: > 0 })
            throw new InvalidOperationException($"The sweep for {due:O} sent nothing for '{title}': {run.Error ?? run.Report?.ToString()}");
        return (stored, due);
    }
}
