using RealtimeCalendar.Aws.GoogleSync;
using RealtimeCalendar.Aws.Tests.Fixtures;
using RealtimeCalendar.Core.GoogleSync;

namespace RealtimeCalendar.Aws.Tests.GoogleSync;

[Collection(DynamoDbCollection.Name)]
public sealed class GoogleSyncStateStoreTests(DynamoDbLocalFixture dynamoDb)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly DynamoDbGoogleSyncStateStore states = new(dynamoDb.Client, dynamoDb.Tables.Sessions);
    private readonly DynamoDbGoogleAuthorizationRequestStore requests = new(dynamoDb.Client, dynamoDb.Tables.Sessions);

    [Fact]
    public async Task State_with_a_channel_reads_back_and_the_channel_finds_its_user()
    {
        var userId = "user-" + Guid.NewGuid().ToString("N");
        var channelId = Guid.NewGuid().ToString("N");
        var state = new GoogleSyncState(userId, Now, "sync-42", new GoogleWatchChannel(channelId, "resource-1", "hash", Now.AddDays(7)), Now.AddMinutes(1), null);

        await states.PutAsync(state, default);

        Assert.Equal(state, await states.GetAsync(userId, default));
        Assert.Equal(userId, await states.FindUserByChannelAsync(channelId, default));
        Assert.Null(await states.FindUserByChannelAsync("unknown", default));
    }

    [Fact]
    public async Task Deleting_the_state_forgets_its_channel_too()
    {
        var userId = "user-" + Guid.NewGuid().ToString("N");
        var channelId = Guid.NewGuid().ToString("N");
        await states.PutAsync(new GoogleSyncState(userId, Now, null, new GoogleWatchChannel(channelId, "r", "h", null), null, "Google answered 503."), default);

        await states.DeleteAsync(userId, default);

        Assert.Null(await states.GetAsync(userId, default));
        Assert.Null(await states.FindUserByChannelAsync(channelId, default));
    }

    [Fact]
    public async Task Authorization_request_can_be_taken_once_and_only_before_it_expires()
    {
        var fresh = new GoogleAuthorizationRequest(Guid.NewGuid().ToString("N"), "user-1", "verifier-1", Now.AddMinutes(10));
        var stale = new GoogleAuthorizationRequest(Guid.NewGuid().ToString("N"), "user-1", "verifier-2", Now.AddMinutes(-1));
        await requests.PutAsync(fresh, default);
        await requests.PutAsync(stale, default);

        Assert.Equal(fresh, await requests.TakeAsync(fresh.StateHash, Now, default));
        Assert.Null(await requests.TakeAsync(fresh.StateHash, Now, default));
        Assert.Null(await requests.TakeAsync(stale.StateHash, Now, default));
    }
}
