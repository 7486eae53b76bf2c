using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.Aws.Connections;
using RealtimeCalendar.Aws.Tests.Fixtures;
using RealtimeCalendar.Core.Realtime;

namespace RealtimeCalendar.Aws.Tests.Connections;

[Collection(DynamoDbCollection.Name)]
public sealed class ConnectionStoreTests(DynamoDbLocalFixture dynamoDb)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Now);

    private DynamoDbConnectionStore Store => new(dynamoDb.Client, dynamoDb.Tables.Connections, time);

    [Fact]
    public async Task A_users_connections_are_listed_and_nobody_elses()
    {
        var (alice, bob) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        await Store.PutAsync(Connection("a1", alice), default);
        await Store.PutAsync(Connection("a2", alice), default);
        await Store.PutAsync(Connection("b1", bob), default);

        // The userId index is a GSI: eventually consistent, so a row written a moment ago may not be listed yet.
        var listed = await ListWhenIndexedAsync(alice, expected: 2);

        Assert.Equal(["a1", "a2"], listed.Select(c => c.ConnectionId[..2]).Order());
        Assert.All(listed, c => Assert.Equal(alice, c.UserId));
    }

    [Fact]
    public async Task A_deleted_connection_is_no_longer_listed()
    {
        var user = Guid.NewGuid().ToString();
        var connection = Connection("c1", user);
        await Store.PutAsync(connection, default);
        await Store.DeleteAsync(connection.ConnectionId, default);
        Assert.Empty(await Store.ListByUserAsync(user, default));
    }

    [Fact]
    public async Task Connections_past_their_two_hour_lifetime_are_skipped_before_ttl_removes_them()
    {
        var user = Guid.NewGuid().ToString();
        await Store.PutAsync(Connection("c1", user), default);
        time.Advance(ConnectionRecord.MaxLifetime + TimeSpan.FromSeconds(1));
        Assert.Empty(await Store.ListByUserAsync(user, default));
    }

    [Fact]
    public async Task The_stored_expiry_is_the_ttl_attribute_in_epoch_seconds()
    {
        var user = Guid.NewGuid().ToString();
        var connection = Connection("c1", user);
        await Store.PutAsync(connection, default);

        var item = await dynamoDb.Client.GetItemAsync(dynamoDb.Tables.Connections, new() { ["connectionId"] = new() { S = connection.ConnectionId } });

        Assert.Equal((Now + ConnectionRecord.MaxLifetime).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item.Item["expiresAt"].N);
    }

    private static ConnectionRecord Connection(string prefix, string user) =>
        new(prefix + Guid.NewGuid().ToString("N")[..10] + "=", user, Now, Now + ConnectionRecord.MaxLifetime);

    private async Task<IReadOnlyList<ConnectionRecord>> ListWhenIndexedAsync(string userId, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var listed = await Store.ListByUserAsync(userId, default);
            if (listed.Count >= expected || DateTime.UtcNow > deadline)
                return listed;
            await Task.Delay(50);
        }
    }
}
