using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Core.Realtime;

namespace RealtimeCalendar.Aws.Connections;

/// <summary>
/// The Connections table. Reads by user go through the <c>byUser</c> index; records past their TTL are
/// skipped because DynamoDB deletes expired items only eventually.
/// </summary>
public sealed class DynamoDbConnectionStore(IAmazonDynamoDB dynamoDb, string tableName, TimeProvider time) : IConnectionStore
{
    public Task PutAsync(ConnectionRecord connection, CancellationToken cancellationToken) =>
        dynamoDb.PutItemAsync(new PutItemRequest { TableName = tableName, Item = ConnectionItem.ToItem(connection) }, cancellationToken);

    public Task DeleteAsync(string connectionId, CancellationToken cancellationToken) =>
        dynamoDb.DeleteItemAsync(
            new DeleteItemRequest { TableName = tableName, Key = new() { [ConnectionItem.ConnectionId] = new() { S = connectionId } } },
            cancellationToken);

    public async Task<IReadOnlyList<ConnectionRecord>> ListByUserAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var connections = new List<ConnectionRecord>();
        var request = new QueryRequest
        {
            TableName = tableName,
            IndexName = ConnectionItem.ByUserIndex,
            KeyConditionExpression = "#userId = :userId",
            ExpressionAttributeNames = new() { ["#userId"] = ConnectionItem.UserId },
            ExpressionAttributeValues = new() { [":userId"] = new() { S = userId } },
        };
        do
        {
            var response = await dynamoDb.QueryAsync(request, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                var connection = ConnectionItem.FromItem(item);
                if (connection.ExpiresAt > now)
                    connections.Add(connection);
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);
        return connections;
    }
}
