namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// Thrown by an <see cref="IOfflineReminderChannel"/> after it tried every subscription when some could not be reached
/// for a reason that may pass (the push service throttled or failed past the retries, the network failed). The others
/// were delivered; a caller that tries again later resends to all of them, and a repeat collapses on the device (the
/// notification's tag is the reminder id) and at the push service (its Topic).
/// </summary>
public sealed class ReminderDeliveryException : Exception
{
    public ReminderDeliveryException()
    {
    }

    public ReminderDeliveryException(string message)
        : base(message)
    {
    }

    public ReminderDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReminderDeliveryException(string reminderId, int failed, int subscriptions)
        : base($"Reminder {reminderId} reached {subscriptions - failed} of {subscriptions} push subscriptions; {failed} failed for a reason that may pass.")
    {
        ReminderId = reminderId;
        Failed = failed;
        Subscriptions = subscriptions;
    }

    public string? ReminderId { get; }

    public int Failed { get; }

    public int Subscriptions { get; }
}
