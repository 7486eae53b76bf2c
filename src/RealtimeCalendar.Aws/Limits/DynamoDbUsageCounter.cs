using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Aws.Sessions;
using RealtimeCalendar.Core.Limits;

namespace RealtimeCalendar.Aws.Limits;

/// <summary>
/// Usage counters in the Sessions table: one atomic ADD per use (no read first, so concurrent instances never lose a
/// count), and a TTL so a window's counter disappears by itself after it ends.
/// </summary>
public sealed class DynamoDbUsageCounter(IAmazonDynamoDB dynamoDb, string tableName) : IUsageCounter
{
    private const string CounterKind = "usage";
    private const string Count = "count";

    public async Task<long> IncrementAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tableName,
                Key = new() { [SessionItem.Id] = new() { S = key } },
                UpdateExpression = "ADD #count :one SET #kind = :kind, #expiresAt = if_not_exists(#expiresAt, :expiresAt)",
                ExpressionAttributeNames = new() { ["#count"] = Count, ["#kind"] = SessionItem.Kind, ["#expiresAt"] = SessionItem.ExpiresAt },
                ExpressionAttributeValues = new()
                {
                    [":one"] = new() { N = "1" },
                    [":kind"] = new() { S = CounterKind },
                    [":expiresAt"] = new() { N = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                },
                ReturnValues = ReturnValue.UPDATED_NEW,
            },
            cancellationToken);
        return long.Parse(response.Attributes[Count].N, CultureInfo.InvariantCulture);
    }
}
