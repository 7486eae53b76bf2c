using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.Core.Realtime;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.Realtime;

/// <summary>A write through the HTTP API reaches the owner's sockets through the stream, notify and the Management API.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class PushTests(LocalCloudFixture fixture)
{
    [Fact]
    public async Task Every_socket_of_the_user_receives_create_update_and_delete()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var tab1 = await RealtimeSession.OpenAsync(fixture, user);
        await using var tab2 = await RealtimeSession.OpenAsync(fixture, user);

        using var created = await http.PostAsync("/api/events", Content(Valid("Standup")));
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        foreach (var tab in new[] { tab1, tab2 })
        {
            var message = await tab.NextChangeAsync(id);
            Assert.Equal(("upsert", 1L, "Standup"), ((string)message["op"]!, (long)message["version"]!, (string)message["event"]!["title"]!));
            Assert.False(string.IsNullOrEmpty((string?)message["seq"]));
        }

        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/events/{id}") { Content = Content(Valid("Standup, later")) };
        update.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        (await http.SendAsync(update)).EnsureSuccessStatusCode();
        foreach (var tab in new[] { tab1, tab2 })
        {
            var message = await tab.NextChangeAsync(id);
            Assert.Equal(("upsert", 2L, "Standup, later"), ((string)message["op"]!, (long)message["version"]!, (string)message["event"]!["title"]!));
        }

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/events/{id}");
        delete.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(delete)).StatusCode);
        foreach (var tab in new[] { tab1, tab2 })
        {
            var message = await tab.NextChangeAsync(id);
            Assert.Equal(("delete", 2L), ((string)message["op"]!, (long)message["version"]!));
            Assert.True(message.ContainsKey("event"), "A delete carries \"event\":null, as the wire promises.");
            Assert.Null(message["event"]);
        }
    }

    [Fact]
    public async Task Another_users_socket_receives_nothing()
    {
        var owner = await fixture.CreateUserAsync();
        var stranger = await fixture.CreateUserAsync();
        using var http = owner.CreateClient();
        await using var ownerTab = await RealtimeSession.OpenAsync(fixture, owner);
        await using var strangerTab = await RealtimeSession.OpenAsync(fixture, stranger);

        using var created = await http.PostAsync("/api/events", Content(Valid("Private")));
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await ownerTab.NextChangeAsync(id);

        // The owner's copy has arrived, so the stranger's would have too; a ping round trip flushes anything in flight.
        await strangerTab.SendAsync("""{"action":"ping"}""");
        await strangerTab.NextAsync(m => (string?)m["type"] == "pong");
        Assert.DoesNotContain(strangerTab.Received, m => (string?)m["type"] == "event.changed");
    }

    [Fact]
    public async Task A_connection_whose_socket_is_gone_is_deleted_after_the_410()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        // $disconnect is best effort on AWS: a record can outlive its socket. This one never had a socket.
        var now = DateTimeOffset.UtcNow;
        await fixture.Cloud.Services.Connections.PutAsync(new ConnectionRecord("Gone00000000000=", user.UserId, now, now.AddHours(2)), default);
        await using var live = await RealtimeSession.OpenAsync(fixture, user);

        using var created = await http.PostAsync("/api/events", Content(Valid("Ping the dead")));
        await live.NextChangeAsync((string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);

        // The live socket may be served before the dead record's delete completes: both happen in one fan-out.
        await Eventually(async () => (await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default))
            .All(c => c.ConnectionId != "Gone00000000000="));
        Assert.Single(await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default));
    }

    [Fact]
    public async Task Closing_a_socket_removes_its_connection_record()
    {
        var user = await fixture.CreateUserAsync();
        var tab = await RealtimeSession.OpenAsync(fixture, user);
        Assert.Single(await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default));

        await tab.DisposeAsync();

        await Eventually(async () => (await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default)).Count == 0);
    }

    [Fact]
    public async Task Changes_to_one_event_arrive_in_order()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var tab = await RealtimeSession.OpenAsync(fixture, user);
        using var created = await http.PostAsync("/api/events", Content(Valid("v1")));
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        for (var version = 1; version < 15; version++)
        {
            using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/events/{id}") { Content = Content(Valid($"v{version + 1}")) };
            update.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            (await http.SendAsync(update)).EnsureSuccessStatusCode();
        }

        var versions = new List<long>();
        while (versions.Count < 15)
            versions.Add((long)(await tab.NextChangeAsync(id))["version"]!);
        Assert.Equal(Enumerable.Range(1, 15).Select(v => (long)v), versions);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_without_resending_what_succeeded()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var tab = await RealtimeSession.OpenAsync(fixture, user);
        var connectionId = (await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default)).Single().ConnectionId;

        using var first = await http.PostAsync("/api/events", Content(Valid("delivered at once")));
        var firstId = (string)(await first.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await tab.NextChangeAsync(firstId);

        // More 500s than notify's own retries absorb, so the record fails back to the stream and is retried from there.
        var injectedBefore = fixture.Cloud.ManagementApiFaults.InjectedFailures;
        fixture.Cloud.ManagementApiFaults.FailNextPosts(connectionId, count: 6, statusCode: 500);
        using var second = await http.PostAsync("/api/events", Content(Valid("delivered on a stream retry")));
        var secondId = (string)(await second.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await tab.NextChangeAsync(secondId, TimeSpan.FromSeconds(60));

        Assert.Equal(6, fixture.Cloud.ManagementApiFaults.InjectedFailures - injectedBefore);
        var changes = tab.Received.Where(m => (string?)m["type"] == "event.changed").Select(m => (string)m["eventId"]!).ToList();
        Assert.Equal([firstId, secondId], changes);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 10 s.");
            await Task.Delay(20);
        }
    }
}
