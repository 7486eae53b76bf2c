using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.Authentication;

/// <summary>The good path: tokens cognito-local issues through InitiateAuth open the HTTP API and a real WebSocket.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class CognitoSignInTests(LocalCloudFixture fixture)
{
    [Fact]
    public async Task Access_token_from_cognito_local_works_over_http()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();

        using var created = await http.PostAsync("/api/events", Content(Valid("signed in")));
        using var list = await http.GetAsync("/api/events?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var titles = (await list.Content.ReadFromJsonAsync<JsonObject>())!["events"]!.AsArray().Select(e => (string?)e!["title"]);
        Assert.Equal(["signed in"], titles);
        // The event belongs to the token's sub, the only identity the functions see.
        Assert.Contains("signed in", (await UserFootprint.ReadAsync(fixture, user.UserId)).Events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_token_from_cognito_local_opens_a_real_websocket()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();

        await using var socket = await TestSocket.ConnectAsync(fixture.Cloud.WebSocketUrl, "?token=" + Uri.EscapeDataString(user.AccessToken));

        var record = Assert.Single(await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default));
        Assert.NotNull(fixture.Cloud.Connections.Find(record.ConnectionId));
        Assert.True(record.ExpiresAt - record.ConnectedAt <= TimeSpan.FromHours(2));
        using var created = await http.PostAsync("/api/events", Content(Valid("pushed to a token socket")));
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal("pushed to a token socket", (string?)(await socket.NextChangeAsync(id))["event"]!["title"]);
    }

    [Fact]
    public async Task Ticket_opens_a_socket_for_its_user_once()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        using var issued = await http.PostAsync("/api/realtime/ticket", content: null);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = (await issued.Content.ReadFromJsonAsync<JsonObject>())!;
        var ticket = (string)body["ticket"]!;
        var expiresAt = DateTimeOffset.Parse((string)body["expiresAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(61));

        await using var socket = await TestSocket.ConnectAsync(fixture.Cloud.WebSocketUrl, "?ticket=" + Uri.EscapeDataString(ticket));
        await socket.SendAsync("""{"action":"ping"}""");
        await socket.NextAsync(m => (string?)m["type"] == "pong");
        Assert.Equal(user.UserId, Assert.Single(await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default)).UserId);

        Assert.Equal(HttpStatusCode.Unauthorized, await TestSocket.HandshakeStatusAsync(fixture.Cloud.WebSocketUrl, "?ticket=" + Uri.EscapeDataString(ticket)));
    }

    [Fact]
    public async Task Refreshed_access_token_works_over_http_and_websocket()
    {
        var user = await fixture.CreateUserAsync();
        var signedIn = await fixture.Cloud.SignInAsync(user.Email, user.Password, default);
        Assert.False(string.IsNullOrEmpty(signedIn.RefreshToken));

        var refreshed = await fixture.Cloud.Cognito.RefreshAsync(fixture.Cloud.UserPool.ClientId, signedIn.RefreshToken!, default);

        Assert.NotEqual(signedIn.AccessToken, refreshed.AccessToken);
        Assert.Equal(user.UserId, (string)ForgedTokens.ClaimsOf(refreshed.AccessToken)["sub"]);
        using var http = (user with { AccessToken = refreshed.AccessToken }).CreateClient();
        using var created = await http.PostAsync("/api/events", Content(Valid("after refresh")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using var socket = await TestSocket.ConnectAsync(fixture.Cloud.WebSocketUrl, "?token=" + Uri.EscapeDataString(refreshed.AccessToken));
        // The socket is live when a ping is answered; the record is read through the userId index, which a loaded
        // DynamoDB Local may show a moment later (seen in a CI check at load 15).
        await socket.SendAsync("""{"action":"ping"}""");
        await socket.NextAsync(m => (string?)m["type"] == "pong");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        var connections = await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default);
        while (connections.Count == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(200);
            connections = await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default);
        }

        Assert.Single(connections);
    }

    [Fact]
    public async Task Development_user_signs_in_with_the_remembered_password()
    {
        var pool = fixture.Cloud.UserPool;

        var tokens = await fixture.Cloud.SignInAsync(pool.DeveloperEmail, pool.DeveloperPassword, default);

        using var http = new HttpClient { BaseAddress = fixture.Cloud.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
        using var list = await http.GetAsync("/api/events?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }
}
