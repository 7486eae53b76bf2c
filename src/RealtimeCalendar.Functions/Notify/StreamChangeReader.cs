using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Realtime;
using RealtimeCalendar.Lambda.Contracts.DynamoDb;
using SdkAttributeValue = Amazon.DynamoDBv2.Model.AttributeValue;

namespace RealtimeCalendar.Functions.Notify;

/// <summary>Turns an Events stream record into the <see cref="EventChange"/> it describes, using the table's own item layout.</summary>
public static class StreamChangeReader
{
    /// <summary>
    /// The change, or null when the record is not an event change this product understands. Throws
    /// <see cref="FormatException"/> for a record that could not be read or whose image is not an event item: callers
    /// log and skip it (failing it would replay the shard until the record expires).
    /// </summary>
    public static EventChange? Read(DynamoDBEvent.DynamodbStreamRecord record)
    {
        ThrowIfUnreadable(record);
        var stream = record.Dynamodb;
        if (stream?.SequenceNumber is not { Length: > 0 } sequence)
            return null;

        var at = stream.ApproximateCreationDateTime ?? DateTimeOffset.UnixEpoch;
        var newItem = stream.NewImage is { Count: > 0 } newImage ? ToSdk(newImage) : null;
        var oldItem = stream.OldImage is { Count: > 0 } oldImage ? ToSdk(oldImage) : null;
        switch (record.EventName)
        {
            // The reminder sweep moving an event's next due reminder on (or new default reminders doing so) changes
            // nothing a tab shows: no version, no content.
            case "MODIFY" when newItem is not null && oldItem is not null && EventItem.DiffersOnlyInReminderIndex(oldItem, newItem):
                return null;
            case "INSERT" or "MODIFY" when newItem is not null && !EventItem.IsTombstone(newItem):
                var upserted = EventItem.FromItem(newItem);
                // The event's own write time is exact; the stream's approximate time may be rounded.
                return new EventChange(sequence, upserted.UserId, upserted.EventId, ChangeOperation.Upsert, upserted.Version, upserted, upserted.UpdatedAt);
            case "MODIFY" when newItem is not null && oldItem is not null && !EventItem.IsTombstone(oldItem):
                // A delete: the event became its tombstone, which keeps the deleted version.
                return Deleted(sequence, newItem, at);
            case "REMOVE" when oldItem is not null && !EventItem.IsTombstone(oldItem):
                // Items deleted outright (before tombstones existed) still reach tabs as deletes.
                return Deleted(sequence, oldItem, at);
            default:
                return null;
        }
    }

    private static EventChange Deleted(string sequence, Dictionary<string, SdkAttributeValue> item, DateTimeOffset at) =>
        new(sequence, item[EventItem.UserId].S, item[EventItem.EventId].S, ChangeOperation.Delete, EventItem.ReadVersion(item), null, at);

    /// <summary>
    /// The event before and after the change (either may be null), or null when the record carries no event image.
    /// Throws <see cref="FormatException"/> as <see cref="Read"/> does.
    /// </summary>
    public static (CalendarEvent? Before, CalendarEvent? After)? ReadImages(DynamoDBEvent.DynamodbStreamRecord record)
    {
        ThrowIfUnreadable(record);
        var stream = record.Dynamodb;
        var before = stream?.OldImage is { Count: > 0 } oldImage ? ReadLive(ToSdk(oldImage)) : null;
        var after = stream?.NewImage is { Count: > 0 } newImage ? ReadLive(ToSdk(newImage)) : null;
        return before is null && after is null ? null : (before, after);
    }

    private static void ThrowIfUnreadable(DynamoDBEvent.DynamodbStreamRecord record)
    {
        if (record.ReadError is { } error)
            throw new FormatException($"The stream record could not be read: {error}");
    }

    // A tombstone is the absence of an event: a delete reads as (event, null), a re-creation as (null, event).
    private static CalendarEvent? ReadLive(Dictionary<string, SdkAttributeValue> item) =>
        EventItem.IsTombstone(item) ? null : EventItem.FromItem(item);

    // An event item uses S, N and BOOL attributes, and lists of strings (a series' recurrence and override ids).
    private static Dictionary<string, SdkAttributeValue> ToSdk(Dictionary<string, DynamoDBEvent.AttributeValue> image) =>
        image.ToDictionary(pair => pair.Key, pair => ToSdk(pair.Value), StringComparer.Ordinal);

    private static SdkAttributeValue ToSdk(DynamoDBEvent.AttributeValue value) => new()
    {
        S = value.S,
        N = value.N,
        BOOL = value.BOOL,
        L = value.L?.Select(ToSdk).ToList(),
    };
}
