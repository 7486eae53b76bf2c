using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Core.Push;

namespace RealtimeCalendar.Aws.Push;

/// <summary>
/// The PushSubscriptions table: one partition per user (a <c>Query</c> on the key, never a scan). The per-user cap is
/// read, not locked: two new browsers subscribing at the same instant at the cap may both be stored, as with the socket
/// cap. Items past their expiration time are skipped because TTL deletion lags.
/// </summary>
public sealed class DynamoDbPushSubscriptionStore(IAmazonDynamoDB dynamoDb, string tableName, TimeProvider time) : IPushSubscriptionStore
{
    public async Task<PushSubscriptionSave> PutAsync(string userId, PushSubscription subscription, int maxPerUser, CancellationToken cancellationToken)
    {
        var endpointId = PushSubscriptionItem.EndpointIdOf(subscription.Endpoint);
        var existing = await EndpointIdsAsync(userId, cancellationToken);
        var replacing = existing.Contains(endpointId);
        if (!replacing && existing.Count >= maxPerUser)
            return PushSubscriptionSave.LimitReached;

        await dynamoDb.PutItemAsync(
            new PutItemRequest { TableName = tableName, Item = PushSubscriptionItem.ToItem(userId, subscription) },
            cancellationToken);
        return replacing ? PushSubscriptionSave.Replaced : PushSubscriptionSave.Created;
    }

    public async Task<bool> DeleteAsync(string userId, string endpoint, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.DeleteItemAsync(
            new DeleteItemRequest { TableName = tableName, Key = PushSubscriptionItem.Key(userId, endpoint), ReturnValues = ReturnValue.ALL_OLD },
            cancellationToken);
        return response.Attributes is { Count: > 0 };
    }

    public async Task<IReadOnlyList<PushSubscription>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var subscriptions = new List<PushSubscription>();
        await foreach (var item in QueryAsync(userId, projection: null, cancellationToken))
        {
            var subscription = PushSubscriptionItem.FromItem(item);
            if (subscription.ExpirationTime is not { } expires || expires > now)
                subscriptions.Add(subscription);
        }

        return subscriptions;
    }

    private async Task<HashSet<string>> EndpointIdsAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var item in QueryAsync(userId, $"{PushSubscriptionItem.EndpointId}, {PushSubscriptionItem.ExpiresAt}", cancellationToken))
        {
            // An expired subscription no longer counts against the cap, as it no longer receives anything.
            if (item.TryGetValue(PushSubscriptionItem.ExpiresAt, out var expiresAt) && long.Parse(expiresAt.N, System.Globalization.CultureInfo.InvariantCulture) <= now)
                continue;
            ids.Add(item[PushSubscriptionItem.EndpointId].S);
        }

        return ids;
    }

    private async IAsyncEnumerable<Dictionary<string, AttributeValue>> QueryAsync(
        string userId, string? projection, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = "#userId = :userId",
            ExpressionAttributeNames = new() { ["#userId"] = PushSubscriptionItem.UserId },
            ExpressionAttributeValues = new() { [":userId"] = new() { S = userId } },
            ProjectionExpression = projection,
            ConsistentRead = true,
        };
        do
        {
            var response = await dynamoDb.QueryAsync(request, cancellationToken);
            foreach (var item in response.Items ?? [])
                yield return item;
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);
    }
}
