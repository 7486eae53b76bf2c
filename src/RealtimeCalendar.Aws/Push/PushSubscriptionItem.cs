using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Core.Push;

namespace RealtimeCalendar.Aws.Push;

/// <summary>
/// How a <see cref="PushSubscription"/> is laid out in the PushSubscriptions table: partition key <c>userId</c>, sort key
/// <c>endpointId</c> (base64url SHA-256 of the endpoint, so the key stays 43 characters whatever the URL), the
/// endpoint and keys as the browser gave them, times in epoch milliseconds, and <c>expiresAt</c> (epoch seconds, the
/// table's TTL) only when the browser named an expiration time.
/// </summary>
public static class PushSubscriptionItem
{
    public const string UserId = "userId";
    public const string EndpointId = "endpointId";
    public const string Endpoint = "endpoint";
    public const string P256dh = "p256dh";
    public const string Auth = "auth";
    public const string CreatedAt = "createdAt";
    public const string ExpirationTime = "expirationTime";
    public const string ExpiresAt = "expiresAt";

    public static string EndpointIdOf(string endpoint) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint)));

    public static Dictionary<string, AttributeValue> Key(string userId, string endpoint) => new()
    {
        [UserId] = new() { S = userId },
        [EndpointId] = new() { S = EndpointIdOf(endpoint) },
    };

    public static Dictionary<string, AttributeValue> ToItem(string userId, PushSubscription subscription)
    {
        var item = Key(userId, subscription.Endpoint);
        item[Endpoint] = new() { S = subscription.Endpoint };
        item[P256dh] = new() { S = subscription.P256dh };
        item[Auth] = new() { S = subscription.Auth };
        item[CreatedAt] = new() { N = Milliseconds(subscription.CreatedAt) };
        if (subscription.ExpirationTime is { } expires)
        {
            item[ExpirationTime] = new() { N = Milliseconds(expires) };
            item[ExpiresAt] = new() { N = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
        }

        return item;
    }

    public static PushSubscription FromItem(IReadOnlyDictionary<string, AttributeValue> item) => new(
        item[Endpoint].S,
        item[P256dh].S,
        item[Auth].S,
        item.TryGetValue(ExpirationTime, out var expires) ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(expires.N, CultureInfo.InvariantCulture)) : null,
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(item[CreatedAt].N, CultureInfo.InvariantCulture)));

    private static string Milliseconds(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
