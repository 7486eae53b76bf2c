using Microsoft.Extensions.Logging;

namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// Reminders that fired while their owner had no tab open. When a socket connects, those still less than
/// <see cref="ReminderLimits.LateLimit"/> late are put on the retry index for now, so the next sweep (within a minute,
/// once the socket is live: API Gateway refuses posts to a socket whose <c>$connect</c> has not finished) sends them.
/// </summary>
public sealed class MissedReminders(IReminderStore store, TimeProvider time, ILogger<MissedReminders> logger)
{
    /// <returns>How many reminders were put back for sending.</returns>
    public async Task<int> WakeAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var woken = 0;
        foreach (var record in await store.ListWaitingAsync(userId, now - ReminderLimits.LateLimit, cancellationToken))
        {
            if (await store.MoveAsync(userId, record.Notice.ReminderId, ReminderState.Waiting, record.FireAt, ReminderState.Waiting, now, cancellationToken))
                woken++;
        }

        if (woken > 0)
            logger.LogInformation("{Count} missed reminders of {UserId} queued for the socket that connected", woken, userId);
        return woken;
    }
}
