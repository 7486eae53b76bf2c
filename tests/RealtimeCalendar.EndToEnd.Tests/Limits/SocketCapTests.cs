using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.Limits;

/// <summary>The per-user caps on open sockets and on WebSocket tickets, as ws-connect and auth enforce them.</summary>
[Collection(LimitsCloudCollection.Name)]
public sealed class SocketCapTests(LimitsCloudFixture fixture)
{
    [Fact]
    public async Task The_socket_past_the_cap_is_refused_with_429_and_the_open_ones_keep_receiving_pushes()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        // Access tokens in the query (the wscat way), so the ticket rate is not what stops these sockets.
        var tokenQuery = "?token=" + Uri.EscapeDataString(user.AccessToken);
        var open = new List<TestSocket>();
        try
        {
            for (var i = 0; i < LimitsCloudFixture.SocketsPerUser; i++)
                open.Add(await TestSocket.ConnectAsync(fixture.Cloud.WebSocketUrl, tokenQuery));
            await WaitForIndexedSocketsAsync(user.UserId, LimitsCloudFixture.SocketsPerUser);

            Assert.Equal(HttpStatusCode.TooManyRequests, await TestSocket.HandshakeStatusAsync(fixture.Cloud.WebSocketUrl, tokenQuery));
            Assert.Equal(LimitsCloudFixture.SocketsPerUser, (await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default)).Count);

            using var created = await http.PostAsync("/api/events", Content(Valid("Still pushed")));
            var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            foreach (var socket in open)
                Assert.Equal("Still pushed", (string?)(await socket.NextChangeAsync(id))["event"]!["title"]);

            // A closed socket frees its place.
            await open[0].DisposeAsync();
            open.RemoveAt(0);
            await WaitForIndexedSocketsAsync(user.UserId, LimitsCloudFixture.SocketsPerUser - 1);
            open.Add(await TestSocket.ConnectAsync(fixture.Cloud.WebSocketUrl, tokenQuery));
        }
        finally
        {
            foreach (var socket in open)
                await socket.DisposeAsync();
        }
    }

    [Fact]
    public async Task Another_users_sockets_do_not_count_against_the_cap()
    {
        var crowded = await fixture.CreateUserAsync();
        var other = await fixture.CreateUserAsync();
        var sockets = new List<TestSocket>();
        try
        {
            for (var i = 0; i < LimitsCloudFixture.SocketsPerUser; i++)
                sockets.Add(await TestSocket.ConnectAsync(fixture.Cloud.WebSocketUrl, "?token=" + Uri.EscapeDataString(crowded.AccessToken)));
            await WaitForIndexedSocketsAsync(crowded.UserId, LimitsCloudFixture.SocketsPerUser);

            sockets.Add(await TestSocket.ConnectAsync(fixture.Cloud.WebSocketUrl, "?token=" + Uri.EscapeDataString(other.AccessToken)));
        }
        finally
        {
            foreach (var socket in sockets)
                await socket.DisposeAsync();
        }
    }

    [Fact]
    public async Task Tickets_past_the_per_minute_rate_are_refused_with_429_and_Retry_After()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        // The rate counts in fixed UTC minutes: start well inside one, so all requests land in the same window.
        var intoMinute = DateTimeOffset.UtcNow.Second;
        if (intoMinute > 50)
            await Task.Delay(TimeSpan.FromSeconds(61 - intoMinute));

        for (var i = 0; i < LimitsCloudFixture.TicketsPerMinute; i++)
            await RealtimeSession.TicketAsync(http);
        using var refused = await http.PostAsync("/api/realtime/ticket", content: null);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
    }

    /// <summary>The userId index is eventually consistent; the cap counts through it, as in the cloud.</summary>
    private async Task WaitForIndexedSocketsAsync(string userId, int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await fixture.Cloud.Services.Connections.ListByUserAsync(userId, default)).Count == count)
                return;
            await Task.Delay(50);
        }

        Assert.Fail($"The userId index never showed {count} sockets.");
    }
}
