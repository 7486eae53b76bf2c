using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google.Tests.Fixtures;

namespace RealtimeCalendar.Google.Tests.Webhooks;

public sealed class WebhookTests
{
    private static readonly Uri WebhookAddress = new("https://calendar.example.com/api/google/webhook");
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Connecting_opens_a_push_channel_to_the_webhook()
    {
        await using var rig = await GoogleSyncRig.StartAsync(WebhookAddress);

        await rig.ConnectAsync();

        var channel = Assert.Single(rig.Google.Channels);
        Assert.Equal(WebhookAddress, channel.Address);
        Assert.False(string.IsNullOrEmpty(channel.Token));
        var state = await rig.Sync.GetStateAsync(GoogleSyncRig.UserId, CancellationToken.None);
        Assert.Equal(channel.Id, state!.Channel!.Id);
        // Only a hash of the channel token is kept.
        Assert.NotEqual(channel.Token, state.Channel.TokenHash);
    }

    [Fact]
    public async Task Notification_with_the_channel_token_pulls_the_change()
    {
        await using var rig = await GoogleSyncRig.StartAsync(WebhookAddress);
        await rig.ConnectAsync();
        var channel = rig.Google.Channels.Single();
        rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));

        var outcome = await rig.Sync.HandleNotificationAsync(channel.Id, channel.Token, "exists", CancellationToken.None);

        Assert.Equal(GoogleNotificationOutcome.Pulled, outcome);
        Assert.Equal("Standup", rig.LocalEvents().Single().Title);
    }

    [Fact]
    public async Task Notification_with_a_wrong_token_is_rejected_and_pulls_nothing()
    {
        await using var rig = await GoogleSyncRig.StartAsync(WebhookAddress);
        await rig.ConnectAsync();
        var channel = rig.Google.Channels.Single();
        rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        var listsBefore = rig.Google.Requests.Count(r => r.Method == "GET");

        var wrongToken = await rig.Sync.HandleNotificationAsync(channel.Id, channel.Token + "x", "exists", CancellationToken.None);
        var noToken = await rig.Sync.HandleNotificationAsync(channel.Id, null, "exists", CancellationToken.None);
        var unknownChannel = await rig.Sync.HandleNotificationAsync("someone-elses-channel", channel.Token, "exists", CancellationToken.None);

        Assert.Equal([GoogleNotificationOutcome.Rejected, GoogleNotificationOutcome.Rejected, GoogleNotificationOutcome.Rejected], [wrongToken, noToken, unknownChannel]);
        Assert.Empty(rig.LocalEvents());
        Assert.Equal(listsBefore, rig.Google.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task Sync_handshake_is_acknowledged_without_a_pull()
    {
        await using var rig = await GoogleSyncRig.StartAsync(WebhookAddress);
        await rig.ConnectAsync();
        var channel = rig.Google.Channels.Single();
        var requestsBefore = rig.Google.Requests.Count;

        var outcome = await rig.Sync.HandleNotificationAsync(channel.Id, channel.Token, "sync", CancellationToken.None);

        Assert.Equal(GoogleNotificationOutcome.Acknowledged, outcome);
        Assert.Equal(requestsBefore, rig.Google.Requests.Count);
    }

    [Fact]
    public async Task Disconnecting_stops_the_channel_and_forgets_the_user()
    {
        await using var rig = await GoogleSyncRig.StartAsync(WebhookAddress);
        await rig.ConnectAsync();
        var channel = rig.Google.Channels.Single();

        await rig.Sync.DisconnectAsync(GoogleSyncRig.UserId, CancellationToken.None);

        Assert.Empty(rig.Google.Channels);
        Assert.Null(await rig.Tokens.GetAsync(GoogleSyncRig.UserId, CancellationToken.None));
        Assert.Null(await rig.Sync.GetStateAsync(GoogleSyncRig.UserId, CancellationToken.None));
        Assert.Equal(GoogleNotificationOutcome.Rejected, await rig.Sync.HandleNotificationAsync(channel.Id, channel.Token, "exists", CancellationToken.None));
    }
}
