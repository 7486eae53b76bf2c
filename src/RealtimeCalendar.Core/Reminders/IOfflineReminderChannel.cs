namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// Delivers a due reminder to a user who has no socket open (the phone in a pocket): Web Push (RFC 8030, VAPID per
/// RFC 8292, aes128gcm per RFC 8291) to every browser the user allowed. Sending to no subscription is not an error.
/// </summary>
public interface IOfflineReminderChannel
{
    /// <summary>Sends <paramref name="notice"/> to every push subscription of <paramref name="userId"/>; removes those the push service answers 404 or 410 for.</summary>
    Task SendAsync(string userId, ReminderNotice notice, CancellationToken cancellationToken);
}
