using System.Text.Json;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Realtime;

namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// Dismiss and snooze, from any tab: the change is stored first (so it holds for every later sweep and every tab that
/// connects later), then pushed to every open socket of the owner, the one that asked included.
/// </summary>
public sealed class ReminderActions(IReminderStore store, ChangeFanOut fanOut, TimeProvider time, ILogger<ReminderActions> logger)
{
    /// <summary>Dismisses the reminder for good; false when the user has no reminder with this id.</summary>
    public async Task<bool> DismissAsync(string userId, string reminderId, CancellationToken cancellationToken)
    {
        if (!ReminderIds.IsWellFormed(reminderId) || !await store.DismissAsync(userId, reminderId, cancellationToken))
            return false;

        var message = JsonSerializer.SerializeToUtf8Bytes(new ReminderDismissedMessage(reminderId), RealtimeJsonContext.Default.ReminderDismissedMessage);
        var pushed = await fanOut.SendAsync(userId, message, cancellationToken);
        logger.LogInformation("Reminder {ReminderId} of {UserId} dismissed; pushed to {Delivered} sockets ({FailedSockets} failed)", reminderId, userId, pushed.Delivered, pushed.Failed);
        return true;
    }

    /// <summary>
    /// Holds the reminder back for <see cref="ReminderLimits.Snooze"/>, to the start of the minute after (the sweep's
    /// unit), and returns when it fires again; not for a dismissed or unknown reminder.
    /// </summary>
    public async Task<(SnoozeOutcome Outcome, DateTimeOffset? Until)> SnoozeAsync(string userId, string reminderId, CancellationToken cancellationToken)
    {
        if (!ReminderIds.IsWellFormed(reminderId))
            return (SnoozeOutcome.NotFound, null);

        var until = ReminderSchedule.MinuteOf(time.GetUtcNow() + ReminderLimits.Snooze).AddMinutes(1);
        var outcome = await store.SnoozeAsync(userId, reminderId, until, cancellationToken);
        if (outcome != SnoozeOutcome.Snoozed)
            return (outcome, null);

        var message = JsonSerializer.SerializeToUtf8Bytes(new ReminderSnoozedMessage(reminderId, until), RealtimeJsonContext.Default.ReminderSnoozedMessage);
        var pushed = await fanOut.SendAsync(userId, message, cancellationToken);
        logger.LogInformation("Reminder {ReminderId} of {UserId} snoozed until {Until}; pushed to {Delivered} sockets ({FailedSockets} failed)", reminderId, userId, until, pushed.Delivered, pushed.Failed);
        return (outcome, until);
    }
}
