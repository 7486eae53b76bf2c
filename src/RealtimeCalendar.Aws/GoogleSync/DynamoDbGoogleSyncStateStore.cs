using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Aws.Sessions;
using RealtimeCalendar.Core.GoogleSync;

namespace RealtimeCalendar.Aws.GoogleSync;

/// <summary>
/// Google sync state in the Sessions table: <c>google#&lt;userId&gt;</c> holds the state (no TTL: it lives until the
/// user disconnects), and <c>google-channel#&lt;channelId&gt;</c> points a webhook's channel back at its user (with a
/// TTL a day past the channel's expiry).
/// </summary>
public sealed class DynamoDbGoogleSyncStateStore(IAmazonDynamoDB dynamoDb, string tableName) : IGoogleSyncStateStore
{
    private const string StateKind = "google-sync";
    private const string ChannelKind = "google-channel";
    private const string ConnectedAt = "connectedAt";
    private const string SyncToken = "syncToken";
    private const string ChannelId = "channelId";
    private const string ChannelResourceId = "channelResourceId";
    private const string ChannelTokenHash = "channelTokenHash";
    private const string ChannelExpiration = "channelExpiration";
    private const string LastSyncAt = "lastSyncAt";
    private const string LastSyncError = "lastSyncError";

    public async Task<GoogleSyncState?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = Key(StateId(userId)), ConsistentRead = true }, cancellationToken);
        if (response.Item is not { Count: > 0 } item)
            return null;

        string? Text(string name) => item.TryGetValue(name, out var value) ? value.S : null;
        DateTimeOffset? Instant(string name) => Text(name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;

        var channel = Text(ChannelId) is { } channelId
            ? new GoogleWatchChannel(channelId, Text(ChannelResourceId) ?? string.Empty, Text(ChannelTokenHash) ?? string.Empty, Instant(ChannelExpiration))
            : null;
        return new GoogleSyncState(userId, Instant(ConnectedAt) ?? DateTimeOffset.UnixEpoch, Text(SyncToken), channel, Instant(LastSyncAt), Text(LastSyncError));
    }

    public async Task PutAsync(GoogleSyncState state, CancellationToken cancellationToken)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [SessionItem.Id] = new() { S = StateId(state.UserId) },
            [SessionItem.Kind] = new() { S = StateKind },
            [SessionItem.UserId] = new() { S = state.UserId },
            [ConnectedAt] = Instant(state.ConnectedAt),
        };
        void Optional(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                item[name] = new() { S = value };
        }

        Optional(SyncToken, state.SyncToken);
        Optional(LastSyncError, state.LastSyncError);
        if (state.LastSyncAt is { } lastSyncAt)
            item[LastSyncAt] = Instant(lastSyncAt);
        if (state.Channel is { } channel)
        {
            item[ChannelId] = new() { S = channel.Id };
            Optional(ChannelResourceId, channel.ResourceId);
            Optional(ChannelTokenHash, channel.TokenHash);
            if (channel.Expiration is { } expiration)
                item[ChannelExpiration] = Instant(expiration);

            var pointer = new Dictionary<string, AttributeValue>
            {
                [SessionItem.Id] = new() { S = ChannelPointerId(channel.Id) },
                [SessionItem.Kind] = new() { S = ChannelKind },
                [SessionItem.UserId] = new() { S = state.UserId },
            };
            if (channel.Expiration is { } pointerExpiry)
                pointer[SessionItem.ExpiresAt] = new() { N = pointerExpiry.AddDays(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
            await dynamoDb.PutItemAsync(new PutItemRequest { TableName = tableName, Item = pointer }, cancellationToken);
        }

        await dynamoDb.PutItemAsync(new PutItemRequest { TableName = tableName, Item = item }, cancellationToken);
    }

    public async Task DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        if (await GetAsync(userId, cancellationToken) is { Channel: { } channel })
            await dynamoDb.DeleteItemAsync(new DeleteItemRequest { TableName = tableName, Key = Key(ChannelPointerId(channel.Id)) }, cancellationToken);
        await dynamoDb.DeleteItemAsync(new DeleteItemRequest { TableName = tableName, Key = Key(StateId(userId)) }, cancellationToken);
    }

    public async Task<string?> FindUserByChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = Key(ChannelPointerId(channelId)), ConsistentRead = true }, cancellationToken);
        return response.Item is { Count: > 0 } item && item.TryGetValue(SessionItem.Kind, out var kind) && kind.S == ChannelKind
            ? item[SessionItem.UserId].S
            : null;
    }

    private static string StateId(string userId) => "google#" + userId;

    private static string ChannelPointerId(string channelId) => "google-channel#" + channelId;

    private static Dictionary<string, AttributeValue> Key(string id) => new() { [SessionItem.Id] = new() { S = id } };

    private static AttributeValue Instant(DateTimeOffset instant) => new() { S = instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) };
}
