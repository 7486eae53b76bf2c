using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Aws.Events;

/// <summary>
/// The Events table. Every write is conditional on <c>version</c>; a range read pages through two index queries
/// (the sparse index of long events, then recent starts) with Limit and ExclusiveStartKey, never a scan. Series are
/// kept out of both start indexes and read through the sparse series index; a series change is one transaction.
/// Every item written gets its next due reminder from <paramref name="reminders"/> in the same write (the sparse due
/// index the reminder sweep reads), so no write can leave a reminder behind: moving an event moves it, deleting one
/// (its tombstone carries nothing) cancels it.
/// </summary>
public sealed class DynamoDbEventStore(IAmazonDynamoDB dynamoDb, string tableName, ReminderPlanner reminders) : IEventStore
{
    private const string LiveAtExpectedVersion = "#version = :expected AND attribute_not_exists(#deleted)";

    public async Task<CalendarEvent?> GetAsync(string userId, string eventId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = EventItem.Key(userId, eventId), ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item && !EventItem.IsTombstone(item) ? EventItem.FromItem(item) : null;
    }

    public async Task<long> GetLastVersionAsync(string userId, string eventId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest
            {
                TableName = tableName,
                Key = EventItem.Key(userId, eventId),
                ConsistentRead = true,
                ProjectionExpression = "#version",
                ExpressionAttributeNames = new() { ["#version"] = EventItem.Version },
            },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? EventItem.ReadVersion(item) : 0;
    }

    public async Task<StoreWriteOutcome> CreateAsync(CalendarEvent calendarEvent, CancellationToken cancellationToken)
    {
        var due = (await reminders.PlanAsync(calendarEvent.UserId, [calendarEvent], cancellationToken))[0];
        try
        {
            await dynamoDb.PutItemAsync(
                new PutItemRequest
                {
                    TableName = tableName,
                    Item = EventItem.ToItem(calendarEvent, due),
                    // A new id, or a re-creation over a tombstone that keeps the version growing.
                    ConditionExpression = "attribute_not_exists(#eventId) OR (#deleted = :true AND #version < :version)",
                    ExpressionAttributeNames = new() { ["#eventId"] = EventItem.EventId, ["#deleted"] = EventItem.Deleted, ["#version"] = EventItem.Version },
                    ExpressionAttributeValues = new() { [":true"] = new() { BOOL = true }, [":version"] = Number(calendarEvent.Version) },
                },
                cancellationToken);
            return StoreWriteOutcome.Written;
        }
        catch (ConditionalCheckFailedException)
        {
            return StoreWriteOutcome.VersionConflict;
        }
    }

    public async Task<StoreWriteOutcome> ReplaceAsync(CalendarEvent calendarEvent, long expectedVersion, CancellationToken cancellationToken)
    {
        var due = (await reminders.PlanAsync(calendarEvent.UserId, [calendarEvent], cancellationToken))[0];
        var (expression, names, values) = ReplacementUpdate(calendarEvent, due, expectedVersion);
        return await UpdateConditionallyAsync(calendarEvent.UserId, calendarEvent.EventId, expression, names, values, cancellationToken);
    }

    // An update that sets every attribute of the new item and removes the optional ones it lacks: the same result as a
    // put, except that the Google link attributes survive when the replacement carries no link.
    private static (string Expression, Dictionary<string, string> Names, Dictionary<string, AttributeValue> Values) ReplacementUpdate(
        CalendarEvent calendarEvent, ReminderDue? due, long expectedVersion)
    {
        var item = EventItem.ToItem(calendarEvent, due);
        var names = new Dictionary<string, string>();
        var values = new Dictionary<string, AttributeValue> { [":expected"] = Number(expectedVersion) };
        var sets = new List<string>();
        foreach (var (name, value) in item)
        {
            if (name is EventItem.UserId or EventItem.EventId)
                continue;
            names["#" + name] = name;
            values[":" + name] = value;
            sets.Add($"#{name} = :{name}");
        }

        var removes = new List<string>();
        foreach (var optional in EventItem.Optional)
        {
            if (item.ContainsKey(optional))
                continue;
            names["#" + optional] = optional;
            removes.Add("#" + optional);
        }

        // A replacement that carries a link carries its e-mail reminders too: none means none, not the old ones.
        if (item.ContainsKey(EventItem.GoogleEventId) && !item.ContainsKey(EventItem.GoogleEmailReminders))
        {
            names["#" + EventItem.GoogleEmailReminders] = EventItem.GoogleEmailReminders;
            removes.Add("#" + EventItem.GoogleEmailReminders);
        }

        names["#version"] = EventItem.Version;
        names["#deleted"] = EventItem.Deleted;
        var expression = "SET " + string.Join(", ", sets) + (removes.Count > 0 ? " REMOVE " + string.Join(", ", removes) : string.Empty);
        return (expression, names, values);
    }

    public async Task<StoreWriteOutcome> SetGoogleLinkAsync(
        string userId, string eventId, long expectedVersion, GoogleEventLink link, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>();
        var values = new Dictionary<string, AttributeValue> { [":expected"] = Number(expectedVersion) };
        var sets = new List<string>();
        foreach (var (name, value) in EventItem.GoogleLinkAttributes(link))
        {
            names["#" + name] = name;
            values[":" + name] = value;
            sets.Add($"#{name} = :{name}");
        }

        // A Google version without e-mail reminders clears those the previous one had.
        var remove = string.Empty;
        if (!values.ContainsKey(":" + EventItem.GoogleEmailReminders))
        {
            names["#emails"] = EventItem.GoogleEmailReminders;
            remove = " REMOVE #emails";
        }

        return await UpdateConditionallyAsync(userId, eventId, "SET " + string.Join(", ", sets) + remove, names, values, cancellationToken);
    }

    private async Task<StoreWriteOutcome> UpdateConditionallyAsync(
        string userId,
        string eventId,
        string updateExpression,
        Dictionary<string, string> names,
        Dictionary<string, AttributeValue> values,
        CancellationToken cancellationToken)
    {
        names["#version"] = EventItem.Version;
        names["#deleted"] = EventItem.Deleted;
        try
        {
            await dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = EventItem.Key(userId, eventId),
                    UpdateExpression = updateExpression,
                    ConditionExpression = LiveAtExpectedVersion,
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                },
                cancellationToken);
            return StoreWriteOutcome.Written;
        }
        catch (ConditionalCheckFailedException e)
        {
            return ConflictOrMissing(e);
        }
    }

    public async Task<StoreWriteOutcome> DeleteAsync(string userId, string eventId, long expectedVersion, CancellationToken cancellationToken)
    {
        try
        {
            // The tombstone replaces the item whole: the stream reports old image = the event, new image = the tombstone.
            await dynamoDb.PutItemAsync(
                new PutItemRequest
                {
                    TableName = tableName,
                    Item = EventItem.ToTombstone(userId, eventId, expectedVersion),
                    ConditionExpression = LiveAtExpectedVersion,
                    ExpressionAttributeNames = new() { ["#version"] = EventItem.Version, ["#deleted"] = EventItem.Deleted },
                    ExpressionAttributeValues = new() { [":expected"] = Number(expectedVersion) },
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                },
                cancellationToken);
            return StoreWriteOutcome.Written;
        }
        catch (ConditionalCheckFailedException e)
        {
            return ConflictOrMissing(e);
        }
    }

    public async Task<EventPage> QueryPageAsync(
        string userId, TimeRange range, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        var from = EventItem.FormatInstant(range.From);
        // Stored instants have millisecond precision, so "start < to" is "start <= to - 1 ms" for BETWEEN.
        var lastStart = EventItem.FormatInstant(range.To.AddMilliseconds(-1));
        var windowStart = EventItem.FormatInstant(range.From - EventItem.LongEventThreshold);

        // Two index queries read one after the other: the sparse index of long events that began before the window,
        // then the window itself. Both sort by start, so the pages come earliest first and never repeat an event.
        var position = pageToken is null ? EventPageToken.First : EventPageToken.Read(pageToken, windowStart, lastStart);
        var events = new List<CalendarEvent>(maxResults);
        while (true)
        {
            var request = position.Phase == EventPageToken.LongEvents
                ? LongEventsQuery(userId, from, windowStart)
                : WindowQuery(userId, from, windowStart, lastStart);
            // Limit counts items read before the filter, so a query never returns more than the page still has room for.
            request.Limit = maxResults - events.Count;
            request.ExclusiveStartKey = position.StartKey(userId);

            QueryResponse response;
            try
            {
                response = await dynamoDb.QueryAsync(request, cancellationToken);
            }
            catch (AmazonDynamoDBException e) when (pageToken is not null && e.ErrorCode == "ValidationException")
            {
                throw new InvalidPageTokenException($"DynamoDB refused the start key: {e.Message}");
            }

            // The window's filter keeps events ending exactly at the range's start (a zero-length one there belongs to
            // the range; a filter cannot name the index's sort key), so TimeRange.Overlaps drops the ordinary ones.
            events.AddRange((response.Items ?? []).Select(EventItem.FromItem).Where(e => range.Overlaps(e.Start, e.End)));
            var last = response.LastEvaluatedKey is { Count: > 0 } key ? key : null;
            if (last is not null)
                position = position.After(last);
            else if (position.Phase == EventPageToken.LongEvents)
                position = EventPageToken.WindowStart;
            else
                return new EventPage(events, NextPageToken: null);
            if (events.Count >= maxResults)
                return new EventPage(events, position.Write());
        }
    }

    private QueryRequest WindowQuery(string userId, string from, string windowStart, string lastStart) => new()
    {
        TableName = tableName,
        IndexName = EventItem.ByStartIndex,
        KeyConditionExpression = "#userId = :userId AND #start BETWEEN :windowStart AND :lastStart",
        FilterExpression = "#end >= :from",
        ExpressionAttributeNames = new() { ["#userId"] = EventItem.UserId, ["#start"] = EventItem.Start, ["#end"] = EventItem.End },
        ExpressionAttributeValues = new()
        {
            [":userId"] = new() { S = userId },
            [":windowStart"] = new() { S = windowStart },
            [":lastStart"] = new() { S = lastStart },
            [":from"] = new() { S = from },
        },
    };

    private QueryRequest LongEventsQuery(string userId, string from, string windowStart) => new()
    {
        TableName = tableName,
        IndexName = EventItem.ByLongStartIndex,
        KeyConditionExpression = "#userId = :userId AND #longStart < :windowStart",
        FilterExpression = "#end > :from",
        ExpressionAttributeNames = new() { ["#userId"] = EventItem.UserId, ["#longStart"] = EventItem.LongStart, ["#end"] = EventItem.End },
        ExpressionAttributeValues = new()
        {
            [":userId"] = new() { S = userId },
            [":windowStart"] = new() { S = windowStart },
            [":from"] = new() { S = from },
        },
    };

    public async Task<IReadOnlyList<CalendarEvent>> QuerySeriesAsync(string userId, TimeRange range, CancellationToken cancellationToken)
    {
        var series = new List<CalendarEvent>();
        // Series whose last occurrence ends at or after the range's start (a zero-length one there belongs to it) and
        // whose first starts before its end; open-ended ones sort last and always pass the key condition.
        await QueryEveryPageAsync(
            new QueryRequest
            {
                TableName = tableName,
                IndexName = EventItem.BySeriesSpanIndex,
                KeyConditionExpression = "#owner = :userId AND #spanEnd >= :from",
                FilterExpression = "#seriesStart < :to",
                ExpressionAttributeNames = new() { ["#owner"] = EventItem.SeriesOwner, ["#spanEnd"] = EventItem.SpanEnd, ["#seriesStart"] = EventItem.SeriesStart },
                ExpressionAttributeValues = new()
                {
                    [":userId"] = new() { S = userId },
                    [":from"] = new() { S = EventItem.FormatInstant(range.From) },
                    [":to"] = new() { S = EventItem.FormatInstant(range.To) },
                },
            },
            response => series.AddRange((response.Items ?? []).Select(EventItem.FromItem)),
            cancellationToken);
        return series;
    }

    public async Task<int> CountSeriesAsync(string userId, CancellationToken cancellationToken)
    {
        var count = 0;
        await QueryEveryPageAsync(
            new QueryRequest
            {
                TableName = tableName,
                IndexName = EventItem.BySeriesSpanIndex,
                KeyConditionExpression = "#owner = :userId",
                ExpressionAttributeNames = new() { ["#owner"] = EventItem.SeriesOwner },
                ExpressionAttributeValues = new() { [":userId"] = new() { S = userId } },
                Select = Select.COUNT,
            },
            response => count += response.Count ?? 0,
            cancellationToken);
        return count;
    }

    public async Task<IReadOnlyList<CalendarEvent>> GetManyAsync(string userId, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        var found = new List<CalendarEvent>();
        // BatchGetItem takes at most 100 keys, and may hand some back unprocessed under load: ask again for those.
        foreach (var chunk in eventIds.Distinct(StringComparer.Ordinal).Chunk(100))
        {
            var pending = new KeysAndAttributes { Keys = [.. chunk.Select(id => EventItem.Key(userId, id))], ConsistentRead = true };
            while (pending.Keys is { Count: > 0 })
            {
                var response = await dynamoDb.BatchGetItemAsync(
                    new BatchGetItemRequest { RequestItems = new() { [tableName] = pending } }, cancellationToken);
                if (response.Responses?.GetValueOrDefault(tableName) is { } items)
                    found.AddRange(items.Where(item => !EventItem.IsTombstone(item)).Select(EventItem.FromItem));
                pending = response.UnprocessedKeys?.GetValueOrDefault(tableName) ?? new KeysAndAttributes();
            }
        }

        return found;
    }

    public async Task<StoreWriteOutcome> WriteSeriesAsync(SeriesWrite write, CancellationToken cancellationToken)
    {
        IReadOnlyList<CalendarEvent> written = write.Series is { } changed ? [changed, .. write.Puts] : write.Puts;
        var dues = await reminders.PlanAsync(write.UserId, written, cancellationToken);
        var dueOf = written.Select((e, i) => (e.EventId, Due: dues[i])).ToDictionary(p => p.EventId, p => p.Due, StringComparer.Ordinal);
        var items = new List<TransactWriteItem>();
        if (write.Series is { } series)
        {
            var (expression, names, values) = ReplacementUpdate(series, dueOf[series.EventId], write.ExpectedVersion);
            items.Add(new TransactWriteItem
            {
                Update = new Update
                {
                    TableName = tableName,
                    Key = EventItem.Key(write.UserId, write.SeriesId),
                    UpdateExpression = expression,
                    ConditionExpression = LiveAtExpectedVersion,
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                },
            });
        }
        else
        {
            items.Add(new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = tableName,
                    Item = EventItem.ToTombstone(write.UserId, write.SeriesId, write.ExpectedVersion),
                    ConditionExpression = LiveAtExpectedVersion,
                    ExpressionAttributeNames = new() { ["#version"] = EventItem.Version, ["#deleted"] = EventItem.Deleted },
                    ExpressionAttributeValues = new() { [":expected"] = Number(write.ExpectedVersion) },
                },
            });
        }

        foreach (var put in write.Puts)
        {
            items.Add(new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = tableName,
                    Item = EventItem.ToItem(put, dueOf[put.EventId]),
                    // Versions only grow under an id; the series' condition above is what guards against other writers.
                    ConditionExpression = "attribute_not_exists(#eventId) OR #version < :version",
                    ExpressionAttributeNames = new() { ["#eventId"] = EventItem.EventId, ["#version"] = EventItem.Version },
                    ExpressionAttributeValues = new() { [":version"] = Number(put.Version) },
                },
            });
        }

        foreach (var deleted in write.Deletes)
        {
            items.Add(new TransactWriteItem
            {
                Put = new Put { TableName = tableName, Item = EventItem.ToTombstone(write.UserId, deleted.EventId, deleted.Version) },
            });
        }

        try
        {
            await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items }, cancellationToken);
            return StoreWriteOutcome.Written;
        }
        catch (TransactionCanceledException)
        {
            // Nothing was written. The caller re-reads the series to tell a stale version from a deleted series.
            return StoreWriteOutcome.VersionConflict;
        }
    }

    public async Task<int> CountAsync(string userId, CancellationToken cancellationToken)
    {
        var count = 0;
        await QueryEveryPageAsync(
            new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "#userId = :userId",
                FilterExpression = "attribute_not_exists(#deleted)",
                ExpressionAttributeNames = new() { ["#userId"] = EventItem.UserId, ["#deleted"] = EventItem.Deleted },
                ExpressionAttributeValues = new() { [":userId"] = new() { S = userId } },
                Select = Select.COUNT,
            },
            response => count += response.Count ?? 0,
            cancellationToken);
        return count;
    }

    // Follows LastEvaluatedKey until DynamoDB has nothing more (each response holds at most 1 MB).
    private async Task QueryEveryPageAsync(QueryRequest request, Action<QueryResponse> read, CancellationToken cancellationToken)
    {
        do
        {
            var response = await dynamoDb.QueryAsync(request, cancellationToken);
            read(response);
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);
    }

    private static StoreWriteOutcome ConflictOrMissing(ConditionalCheckFailedException e) =>
        e.Item is { Count: > 0 } item && !EventItem.IsTombstone(item) ? StoreWriteOutcome.VersionConflict : StoreWriteOutcome.NotFound;

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
