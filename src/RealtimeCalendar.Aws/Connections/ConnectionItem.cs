using System.Globalization;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Core.Realtime;

namespace RealtimeCalendar.Aws.Connections;

/// <summary>How a <see cref="ConnectionRecord"/> is laid out as a Connections item; <c>expiresAt</c> is the TTL (epoch seconds).</summary>
public static class ConnectionItem
{
    public const string ConnectionId = "connectionId";
    public const string UserId = "userId";
    public const string ConnectedAt = "connectedAt";
    public const string ExpiresAt = "expiresAt";
    public const string ByUserIndex = "byUser";

    public static Dictionary<string, AttributeValue> ToItem(ConnectionRecord connection) => new()
    {
        [ConnectionId] = new() { S = connection.ConnectionId },
        [UserId] = new() { S = connection.UserId },
        [ConnectedAt] = new() { N = connection.ConnectedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
        [ExpiresAt] = new() { N = connection.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
    };

    public static ConnectionRecord FromItem(IReadOnlyDictionary<string, AttributeValue> item) => new(
        item[ConnectionId].S,
        item[UserId].S,
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(item[ConnectedAt].N, CultureInfo.InvariantCulture)),
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(item[ExpiresAt].N, CultureInfo.InvariantCulture)));
}
