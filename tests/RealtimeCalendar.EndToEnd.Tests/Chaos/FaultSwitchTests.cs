using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.Chaos;

/// <summary>The socket fault switches on the shared local cloud: what each does to the socket and to its record.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class FaultSwitchTests(LocalCloudFixture fixture)
{
    [Fact]
    public async Task A_connection_the_gateway_lost_answers_410_and_notify_deletes_its_record()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var tab = await RealtimeSession.OpenAsync(fixture, user);
        var connectionId = (await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default)).Single().ConnectionId;

        fixture.Cloud.ManagementApiFaults.MarkGone(connectionId);
        (await http.PostAsync("/api/events", Content(Valid("meets a lost connection")))).EnsureSuccessStatusCode();

        await Eventually(async () => (await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default)).Count == 0);
        await Eventually(() => Task.FromResult(tab.State != WebSocketState.Open));
        Assert.Contains(connectionId, fixture.Cloud.ManagementApiFaults.GoneConnectionIds);
        Assert.DoesNotContain(tab.Received, m => (string?)m["type"] == "event.changed");
    }

    [Fact]
    public async Task A_dropped_socket_is_closed_by_the_gateway_and_its_disconnect_deletes_the_record()
    {
        var user = await fixture.CreateUserAsync();
        await using var tab = await RealtimeSession.OpenAsync(fixture, user);
        var sockets = fixture.Cloud.Faults.Sockets;
        var droppedBefore = sockets.Dropped;

        try
        {
            sockets.LostDisconnectShare = 0;
            sockets.DropShare = 1;
            Assert.True(sockets.DropNow() >= 1);
        }
        finally
        {
            sockets.DropShare = 0;
        }

        await Eventually(() => Task.FromResult(tab.State != WebSocketState.Open));
        await Eventually(async () => (await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default)).Count == 0);
        Assert.True(sockets.Dropped > droppedBefore);
    }

    [Fact]
    public async Task A_socket_dropped_with_its_disconnect_lost_keeps_its_record_until_a_post_meets_the_410()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var tab = await RealtimeSession.OpenAsync(fixture, user);
        var sockets = fixture.Cloud.Faults.Sockets;

        try
        {
            sockets.LostDisconnectShare = 1;
            sockets.DropShare = 1;
            sockets.DropNow();
        }
        finally
        {
            sockets.DropShare = 0;
            sockets.LostDisconnectShare = 0;
        }

        await Eventually(() => Task.FromResult(tab.State != WebSocketState.Open));
        Assert.Single(await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default));

        using var created = await http.PostAsync("/api/events", Content(Valid("finds the socket gone")));
        created.EnsureSuccessStatusCode();
        Assert.NotNull((await created.Content.ReadFromJsonAsync<JsonObject>())?["id"]);
        await Eventually(async () => (await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default)).Count == 0);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 30 s.");
            await Task.Delay(50);
        }
    }
}
