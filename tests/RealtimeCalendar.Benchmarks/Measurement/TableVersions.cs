using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>What the Events table holds: the version of every event of a user, read straight from DynamoDB (a Query on the key).</summary>
public static class TableVersions
{
    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(
        IAmazonDynamoDB dynamoDb, string eventsTable, string userId, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? after = null;
        do
        {
            var page = await dynamoDb.QueryAsync(
                new QueryRequest
                {
                    TableName = eventsTable,
                    KeyConditionExpression = "userId = :u",
                    ExpressionAttributeValues = new() { [":u"] = new AttributeValue { S = userId } },
                    ProjectionExpression = "eventId, version",
                    ConsistentRead = true,
                    ExclusiveStartKey = after,
                },
                cancellationToken);
            foreach (var item in page.Items ?? [])
                versions[item["eventId"].S] = long.Parse(item["version"].N, System.Globalization.CultureInfo.InvariantCulture);
            after = page.LastEvaluatedKey is { Count: > 0 } key ? key : null;
        }
        while (after is not null);
        return versions;
    }
}
