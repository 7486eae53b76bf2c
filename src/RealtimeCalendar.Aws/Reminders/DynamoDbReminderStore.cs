using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Aws.Reminders;

/// <summary>
/// The records of fired reminders in the Reminders table. Every change of state is conditional on the state (and fire
/// time) it moves from, so a dismiss or snooze and a sweep racing each other never undo one another; records to look at
/// again are read through the sparse retry index, never a scan.
/// </summary>
public sealed class DynamoDbReminderStore(IAmazonDynamoDB dynamoDb, string tableName) : IReminderStore
{
    public async Task<ReminderRecord?> ClaimAsync(ReminderRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await dynamoDb.PutItemAsync(
                new PutItemRequest
                {
                    TableName = tableName,
                    Item = ReminderItem.ToItem(record),
                    ConditionExpression = "attribute_not_exists(#id)",
                    ExpressionAttributeNames = new() { ["#id"] = ReminderItem.ReminderId },
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                },
                cancellationToken);
            return null;
        }
        catch (ConditionalCheckFailedException e)
        {
            return e.Item is { Count: > 0 } existing
                ? ReminderItem.FromItem(existing)
                : await GetAsync(record.UserId, record.Notice.ReminderId, cancellationToken) ?? record;
        }
    }

    public async Task ReleaseAsync(string userId, string reminderId, ReminderState claimedAs, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = tableName,
                    Key = ReminderItem.Key(userId, reminderId),
                    ConditionExpression = "#state = :claimed",
                    ExpressionAttributeNames = new() { ["#state"] = ReminderItem.State },
                    ExpressionAttributeValues = new() { [":claimed"] = State(claimedAs) },
                },
                cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Already sent or dismissed by someone else: that stands.
        }
    }

    public async Task<bool> MoveAsync(
        string userId, string reminderId, ReminderState from, DateTimeOffset fireAt, ReminderState to, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string> { ["#state"] = ReminderItem.State, ["#fireAt"] = ReminderItem.FireAt };
        var values = new Dictionary<string, AttributeValue>
        {
            [":from"] = State(from),
            [":to"] = State(to),
            [":fireAt"] = new() { S = ReminderItem.FormatInstant(fireAt) },
        };
        var update = "SET #state = :to" + RetryUpdate(userId, retryAt, names, values);
        return await UpdateAsync(userId, reminderId, update, "#state = :from AND #fireAt = :fireAt", names, values, cancellationToken) is null;
    }

    public async Task<ReminderRecord?> GetAsync(string userId, string reminderId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = ReminderItem.Key(userId, reminderId), ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? ReminderItem.FromItem(item) : null;
    }

    public async Task<bool> DismissAsync(string userId, string reminderId, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string> { ["#state"] = ReminderItem.State, ["#id"] = ReminderItem.ReminderId };
        var values = new Dictionary<string, AttributeValue> { [":dismissed"] = State(ReminderState.Dismissed) };
        var update = "SET #state = :dismissed" + RetryUpdate(userId, retryAt: null, names, values);
        return await UpdateAsync(userId, reminderId, update, "attribute_exists(#id)", names, values, cancellationToken) is null;
    }

    public async Task<SnoozeOutcome> SnoozeAsync(string userId, string reminderId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>
        {
            ["#state"] = ReminderItem.State,
            ["#id"] = ReminderItem.ReminderId,
            ["#fireAt"] = ReminderItem.FireAt,
            ["#expiresAt"] = ReminderItem.ExpiresAt,
        };
        var values = new Dictionary<string, AttributeValue>
        {
            [":snoozed"] = State(ReminderState.Snoozed),
            [":dismissed"] = State(ReminderState.Dismissed),
            [":until"] = new() { S = ReminderItem.FormatInstant(until) },
            [":expiresAt"] = ReminderItem.ExpiryOf(until),
        };
        var update = "SET #state = :snoozed, #fireAt = :until, #expiresAt = :expiresAt" + RetryUpdate(userId, until, names, values);
        var refused = await UpdateAsync(userId, reminderId, update, "attribute_exists(#id) AND #state <> :dismissed", names, values, cancellationToken);
        return refused switch
        {
            null => SnoozeOutcome.Snoozed,
            { Count: > 0 } => SnoozeOutcome.Dismissed,
            _ => SnoozeOutcome.NotFound,
        };
    }

    public async Task<ReminderIndexRead<ReminderRecord>> QueryRetryDueAsync(int shard, DateTimeOffset upTo, int limit, CancellationToken cancellationToken)
    {
        var records = new List<ReminderRecord>();
        var queries = 0;
        var units = 0d;
        var request = new QueryRequest
        {
            TableName = tableName,
            IndexName = ReminderItem.ByRetryIndex,
            KeyConditionExpression = "#shard = :shard AND #retryAt <= :upTo",
            ExpressionAttributeNames = new() { ["#shard"] = ReminderItem.RetryShard, ["#retryAt"] = ReminderItem.RetryAt },
            ExpressionAttributeValues = new()
            {
                [":shard"] = new() { S = shard.ToString(CultureInfo.InvariantCulture) },
                [":upTo"] = new() { S = ReminderItem.FormatInstant(upTo) },
            },
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        };
        do
        {
            request.Limit = limit - records.Count;
            var response = await dynamoDb.QueryAsync(request, cancellationToken);
            queries++;
            units += response.ConsumedCapacity?.CapacityUnits ?? 0;
            records.AddRange((response.Items ?? []).Select(ReminderItem.FromItem));
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null && records.Count < limit);
        return new ReminderIndexRead<ReminderRecord>(records, queries, units);
    }

    public async Task<IReadOnlyList<ReminderRecord>> ListWaitingAsync(string userId, DateTimeOffset firedSince, CancellationToken cancellationToken)
    {
        var records = new List<ReminderRecord>();
        var request = new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = "#userId = :userId",
            FilterExpression = "#state = :waiting AND #fireAt >= :since",
            ExpressionAttributeNames = new() { ["#userId"] = ReminderItem.UserId, ["#state"] = ReminderItem.State, ["#fireAt"] = ReminderItem.FireAt },
            ExpressionAttributeValues = new()
            {
                [":userId"] = new() { S = userId },
                [":waiting"] = State(ReminderState.Waiting),
                [":since"] = new() { S = ReminderItem.FormatInstant(firedSince) },
            },
            ConsistentRead = true,
        };
        do
        {
            var response = await dynamoDb.QueryAsync(request, cancellationToken);
            records.AddRange((response.Items ?? []).Select(ReminderItem.FromItem));
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);
        return records;
    }

    /// <summary>The retry-index part of an update: set both attributes for <paramref name="retryAt"/>, or remove them.</summary>
    private static string RetryUpdate(string userId, DateTimeOffset? retryAt, Dictionary<string, string> names, Dictionary<string, AttributeValue> values)
    {
        names["#retryShard"] = ReminderItem.RetryShard;
        names["#retryAt"] = ReminderItem.RetryAt;
        if (retryAt is not { } at)
            return " REMOVE #retryShard, #retryAt";
        var retry = ReminderItem.RetryValues(userId, at);
        values[":retryShard"] = retry[ReminderItem.RetryShard];
        values[":retryAt"] = retry[ReminderItem.RetryAt];
        return ", #retryShard = :retryShard, #retryAt = :retryAt";
    }

    /// <summary>Runs a conditional update: null when it was applied, else the item as it stood (empty when there is none).</summary>
    private async Task<Dictionary<string, AttributeValue>?> UpdateAsync(
        string userId, string reminderId, string update, string condition,
        Dictionary<string, string> names, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = ReminderItem.Key(userId, reminderId),
                    UpdateExpression = update,
                    ConditionExpression = condition,
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                },
                cancellationToken);
            return null;
        }
        catch (ConditionalCheckFailedException e)
        {
            return e.Item ?? [];
        }
    }

    private static AttributeValue State(ReminderState state) => new() { S = ReminderItem.FormatState(state) };
}
