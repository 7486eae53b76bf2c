using RealtimeCalendar.Aws.Connections;
using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Aws.Push;
using RealtimeCalendar.Aws.Reminders;
using RealtimeCalendar.Aws.Sessions;

namespace RealtimeCalendar.Aws.Tables;

/// <summary>The product's tables, defined once; the item layouts live beside their stores.</summary>
public static class CalendarTables
{
    public static TableDefinition Events { get; } = new(
        "events",
        KeyAttribute.Text(EventItem.UserId),
        KeyAttribute.Text(EventItem.EventId),
        [
            new TableIndex(EventItem.ByStartIndex, IsLocal: true, KeyAttribute.Text(EventItem.UserId), KeyAttribute.Text(EventItem.Start)),
            new TableIndex(EventItem.ByLongStartIndex, IsLocal: true, KeyAttribute.Text(EventItem.UserId), KeyAttribute.Text(EventItem.LongStart)),
            new TableIndex(EventItem.BySeriesSpanIndex, IsLocal: false, KeyAttribute.Text(EventItem.SeriesOwner), KeyAttribute.Text(EventItem.SpanEnd)),
            new TableIndex(EventItem.ByReminderDueIndex, IsLocal: false, KeyAttribute.Text(EventItem.RemindShard), KeyAttribute.Text(EventItem.RemindAt)),
        ],
        TimeToLiveAttribute: null,
        StreamNewAndOldImages: true,
        PointInTimeRecovery: true);

    public static TableDefinition Connections { get; } = new(
        "connections",
        KeyAttribute.Text(ConnectionItem.ConnectionId),
        SortKey: null,
        [new TableIndex(ConnectionItem.ByUserIndex, IsLocal: false, KeyAttribute.Text(ConnectionItem.UserId), SortKey: null)],
        ConnectionItem.ExpiresAt,
        StreamNewAndOldImages: false,
        PointInTimeRecovery: false);

    public static TableDefinition Sessions { get; } = new(
        "sessions",
        KeyAttribute.Text(SessionItem.Id),
        SortKey: null,
        [new TableIndex(SessionItem.ByUserIndex, IsLocal: false, KeyAttribute.Text(SessionItem.UserId), SortKey: null)],
        SessionItem.ExpiresAt,
        StreamNewAndOldImages: false,
        PointInTimeRecovery: false);

    /// <summary>
    /// Each user's Web Push subscriptions (one item per browser, keyed by a hash of its endpoint). Long-lived, unlike
    /// Sessions, so a table of its own; TTL only on subscriptions whose browser named an expiration time.
    /// </summary>
    public static TableDefinition PushSubscriptions { get; } = new(
        "push-subscriptions",
        KeyAttribute.Text(PushSubscriptionItem.UserId),
        KeyAttribute.Text(PushSubscriptionItem.EndpointId),
        [],
        PushSubscriptionItem.ExpiresAt,
        StreamNewAndOldImages: false,
        PointInTimeRecovery: false);


    /// <summary>
    /// Fired reminders (for a day: dismiss, snooze, the next tab) and each user's reminder settings; the sparse retry
    /// index holds the records a sweep is to look at again. No stream: nothing reads its changes.
    /// </summary>
    public static TableDefinition Reminders { get; } = new(
        "reminders",
        KeyAttribute.Text(ReminderItem.UserId),
        KeyAttribute.Text(ReminderItem.ReminderId),
        [new TableIndex(ReminderItem.ByRetryIndex, IsLocal: false, KeyAttribute.Text(ReminderItem.RetryShard), KeyAttribute.Text(ReminderItem.RetryAt))],
        ReminderItem.ExpiresAt,
        StreamNewAndOldImages: false,
        PointInTimeRecovery: false);

    public static IReadOnlyList<TableDefinition> All { get; } = [Events, Connections, Sessions, PushSubscriptions, Reminders];
}
