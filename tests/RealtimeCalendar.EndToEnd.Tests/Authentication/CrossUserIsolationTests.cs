using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.Authentication;

/// <summary>
/// Two signed-in users of the same pool: neither can see, change or delete the other's events on any route (a 404 that
/// looks exactly like one for an id that never existed), nor void the other's tickets, nor hear the other's changes.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class CrossUserIsolationTests(LocalCloudFixture fixture)
{
    private const string December = "/api/events?from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z";

    [Fact]
    public async Task Another_users_event_is_404_on_get_put_and_delete_and_stays_unchanged()
    {
        var (owner, stranger) = (await fixture.CreateUserAsync(), await fixture.CreateUserAsync());
        using var ownerHttp = owner.CreateClient();
        using var strangerHttp = stranger.CreateClient();
        using var created = await ownerHttp.PostAsync("/api/events", Content(Valid("owner's secret")));
        var location = created.Headers.Location!.OriginalString;
        var original = await ownerHttp.GetStringAsync(location);
        var unknown = $"/api/events/{Guid.NewGuid():N}";

        foreach (var (method, ifMatch) in new[] { ("GET", (string?)null), ("PUT", "\"1\""), ("PUT", "\"9\""), ("DELETE", "\"1\""), ("DELETE", "\"9\"") })
        {
            using var attempt = await SendAsync(strangerHttp, method, location, ifMatch);
            using var neverExisted = await SendAsync(strangerHttp, method, unknown, ifMatch);

            // A stale If-Match must not turn into a 412 either: that would confirm the id exists.
            Assert.True(attempt.StatusCode == HttpStatusCode.NotFound, $"{method} If-Match {ifMatch}: {attempt.StatusCode}");
            Assert.Null(attempt.Headers.ETag);
            Assert.Equal(await ProblemShapeAsync(neverExisted), await ProblemShapeAsync(attempt));
        }

        Assert.Equal(original, await ownerHttp.GetStringAsync(location));
        Assert.Equal(string.Empty, (await UserFootprint.ReadAsync(fixture, stranger.UserId)).Events);
    }

    [Fact]
    public async Task Lists_hold_only_the_callers_own_events()
    {
        var (owner, stranger) = (await fixture.CreateUserAsync(), await fixture.CreateUserAsync());
        using var ownerHttp = owner.CreateClient();
        using var strangerHttp = stranger.CreateClient();
        foreach (var day in new[] { 1, 2, 3 })
            (await ownerHttp.PostAsync("/api/events", Content(Valid($"owner {day}", dayOffset: day)))).Dispose();
        (await strangerHttp.PostAsync("/api/events", Content(Valid("stranger", dayOffset: 2)))).Dispose();

        Assert.Equal(["stranger"], await TitlesAsync(strangerHttp));
        Assert.Equal(["owner 1", "owner 2", "owner 3"], await TitlesAsync(ownerHttp));
    }

    [Fact]
    public async Task Another_users_sockets_hear_no_update_or_delete_and_their_attempts_change_nothing()
    {
        var (owner, stranger) = (await fixture.CreateUserAsync(), await fixture.CreateUserAsync());
        using var ownerHttp = owner.CreateClient();
        using var strangerHttp = stranger.CreateClient();
        await using var ownerTab = await RealtimeSession.OpenAsync(fixture, owner);
        await using var strangerTicketTab = await RealtimeSession.OpenAsync(fixture, stranger);
        await using var strangerTokenTab = await TestSocket.ConnectAsync(fixture.Cloud.WebSocketUrl, "?token=" + Uri.EscapeDataString(stranger.AccessToken));
        Assert.All(await fixture.Cloud.Services.Connections.ListByUserAsync(stranger.UserId, default), c => Assert.Equal(stranger.UserId, c.UserId));
        Assert.Single(await fixture.Cloud.Services.Connections.ListByUserAsync(owner.UserId, default));

        using var created = await ownerHttp.PostAsync("/api/events", Content(Valid("v1")));
        var location = created.Headers.Location!.OriginalString;
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal(("upsert", 1L), Change(await ownerTab.NextChangeAsync(id)));
        (await SendAsync(ownerHttp, "PUT", location, "\"1\"", Valid("v2"))).Dispose();
        Assert.Equal(("upsert", 2L), Change(await ownerTab.NextChangeAsync(id)));

        (await SendAsync(strangerHttp, "PUT", location, "\"2\"", Valid("hijacked"))).Dispose();
        (await SendAsync(strangerHttp, "DELETE", location, "\"2\"")).Dispose();

        // Changes to one event arrive in order, so had the stranger's attempts written anything, it would come next.
        using var deleted = await SendAsync(ownerHttp, "DELETE", location, "\"2\"");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(("delete", 2L), Change(await ownerTab.NextChangeAsync(id)));

        // The owner's copies have all arrived, so the stranger's would have too; a ping round trip flushes anything in flight.
        foreach (var tab in new[] { strangerTicketTab, strangerTokenTab })
        {
            await tab.SendAsync("""{"action":"ping"}""");
            await tab.NextAsync(m => (string?)m["type"] == "pong");
            Assert.DoesNotContain(tab.Received, m => (string?)m["type"] == "event.changed");
        }
    }

    [Fact]
    public async Task Signing_out_voids_only_the_callers_own_tickets()
    {
        var (owner, stranger) = (await fixture.CreateUserAsync(), await fixture.CreateUserAsync());
        using var ownerHttp = owner.CreateClient();
        using var strangerHttp = stranger.CreateClient();
        var ownerTicket = await RealtimeSession.TicketAsync(ownerHttp);

        using var signOut = await strangerHttp.DeleteAsync("/api/realtime/tickets");
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);

        await using var socket = await TestSocket.ConnectAsync(fixture.Cloud.WebSocketUrl, "?ticket=" + Uri.EscapeDataString(ownerTicket));
        Assert.Equal(owner.UserId, Assert.Single(await fixture.Cloud.Services.Connections.ListByUserAsync(owner.UserId, default)).UserId);
        Assert.Empty(await fixture.Cloud.Services.Connections.ListByUserAsync(stranger.UserId, default));
    }

    private static (string Op, long Version) Change(JsonObject message) => ((string)message["op"]!, (long)message["version"]!);

    private static async Task<List<string>> TitlesAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonObject>(December))!["events"]!.AsArray().Select(e => (string)e!["title"]!).Order(StringComparer.Ordinal).ToList();

    /// <summary>What a 404 tells the caller, without the parts that differ per request (ids, request ids).</summary>
    private static async Task<string> ProblemShapeAsync(HttpResponseMessage response)
    {
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {problem["type"]} {problem["title"]} {problem["status"]}";
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string method, string path, string? ifMatch, JsonObject? body = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT")
            request.Content = Content(body ?? Valid("hijacked"));
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return http.SendAsync(request);
    }
}
