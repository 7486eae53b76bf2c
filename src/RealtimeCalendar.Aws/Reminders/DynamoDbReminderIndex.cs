using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Aws.Reminders;

/// <summary>
/// The sparse due index of the Events table (<see cref="EventItem.ByReminderDueIndex"/>): a Query per shard for the
/// minutes up to now, and conditional updates of the three index attributes that leave the event's version alone.
/// </summary>
public sealed class DynamoDbReminderIndex(IAmazonDynamoDB dynamoDb, string eventsTable) : IReminderIndex
{
    public async Task<ReminderIndexRead<ReminderIndexEntry>> QueryDueAsync(int shard, DateTimeOffset upTo, int limit, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderIndexEntry>();
        var queries = 0;
        var units = 0d;
        var request = new QueryRequest
        {
            TableName = eventsTable,
            IndexName = EventItem.ByReminderDueIndex,
            KeyConditionExpression = "#shard = :shard AND #remindAt <= :upTo",
            ExpressionAttributeNames = new() { ["#shard"] = EventItem.RemindShard, ["#remindAt"] = EventItem.RemindAt },
            ExpressionAttributeValues = new()
            {
                [":shard"] = new() { S = shard.ToString(CultureInfo.InvariantCulture) },
                [":upTo"] = new() { S = EventItem.FormatInstant(upTo) },
            },
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        };
        do
        {
            request.Limit = limit - entries.Count;
            var response = await dynamoDb.QueryAsync(request, cancellationToken);
            queries++;
            units += response.ConsumedCapacity?.CapacityUnits ?? 0;
            foreach (var item in response.Items ?? [])
            {
                // The index holds only live items with all three attributes (a tombstone replaces the item whole).
                if (!EventItem.IsTombstone(item) && EventItem.ReadReminderDue(item) is { } due)
                    entries.Add(new ReminderIndexEntry(EventItem.FromItem(item), due));
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null && entries.Count < limit);
        return new ReminderIndexRead<ReminderIndexEntry>(entries, queries, units);
    }

    public async Task<bool> MoveAsync(
        string userId, string eventId, long version, DateTimeOffset? expectedDue, ReminderDue? next, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>
        {
            ["#version"] = EventItem.Version,
            ["#deleted"] = EventItem.Deleted,
            ["#remindShard"] = EventItem.RemindShard,
            ["#remindAt"] = EventItem.RemindAt,
            ["#remindMinutes"] = EventItem.RemindMinutes,
        };
        var values = new Dictionary<string, AttributeValue> { [":version"] = new() { N = version.ToString(CultureInfo.InvariantCulture) } };
        var condition = "#version = :version AND attribute_not_exists(#deleted)";
        if (expectedDue is { } due)
        {
            condition += " AND #remindAt = :expectedDue";
            values[":expectedDue"] = new() { S = EventItem.FormatInstant(due) };
        }

        string update;
        if (next is null)
        {
            update = "REMOVE #remindShard, #remindAt, #remindMinutes";
        }
        else
        {
            var set = EventItem.ReminderIndexValues(userId, next);
            values[":remindShard"] = set[EventItem.RemindShard];
            values[":remindAt"] = set[EventItem.RemindAt];
            values[":remindMinutes"] = set[EventItem.RemindMinutes];
            update = "SET #remindShard = :remindShard, #remindAt = :remindAt, #remindMinutes = :remindMinutes";
        }

        try
        {
            await dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = eventsTable,
                    Key = EventItem.Key(userId, eventId),
                    UpdateExpression = update,
                    ConditionExpression = condition,
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                },
                cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
