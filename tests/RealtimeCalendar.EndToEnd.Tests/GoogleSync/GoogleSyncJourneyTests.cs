using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.GoogleSync;

/// <summary>
/// Google sync as a user meets it, through the local cloud's HTTP API: connect and consent, the first pull reaching
/// the open tab, a local create pushed to Google by the stream, a Google change announced by the webhook, disconnect.
/// </summary>
/// <remarks>Run twice: with the functions in process, and as the image runs them (<c>google-bootstrap</c> processes).</remarks>
public abstract class GoogleSyncJourneyTests(GoogleLocalCloudFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Connect_pull_push_webhook_and_disconnect()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Cloud.BaseUrl };
        await using var tab = await TestSocket.ConnectAsync(fixture.Cloud.WebSocketUrl, "?ticket=" + Uri.EscapeDataString(await RealtimeSession.TicketAsync(http)));
        var start = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
        var fromGoogle = fixture.Google.CreateInGoogle("Dentist " + Guid.NewGuid().ToString("N")[..6], start, start.AddHours(1));

        // Connect: the app fetches the consent URL, the user consents, Google redirects the browser to the callback.
        var before = await http.GetFromJsonAsync<JsonObject>("/api/google");
        var connect = await http.GetFromJsonAsync<JsonObject>("/api/google/connect");
        var consent = HttpUtility.ParseQueryString(new Uri((string)connect!["authorizationUrl"]!).Query);
        var code = fixture.Google.IssueAuthorizationCode(consent["code_challenge"]!);
        using var callback = await anonymous.GetAsync($"/api/google/callback?state={Uri.EscapeDataString(consent["state"]!)}&code={Uri.EscapeDataString(code)}");

        Assert.False((bool)before!["connected"]!);
        Assert.Equal(HttpStatusCode.Found, callback.StatusCode);
        Assert.Equal("/?google=connected", callback.Headers.Location!.OriginalString);
        var pulled = await tab.NextChangeAsync(GoogleEventIds.ToLocalId((string)fromGoogle["id"]!));
        Assert.Equal((string)fromGoogle["summary"]!, (string?)pulled["event"]!["title"]);

        // A local create goes to Google through the Events stream, under our id, and does not come back as a duplicate.
        using var created = await http.PostAsync("/api/events", Content(Valid("Made here")));
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var onGoogle = await EventuallyAsync(() => fixture.Google.Find(id));
        Assert.Equal("Made here", (string?)onGoogle["summary"]);
        using var syncNow = await http.PostAsync("/api/google/sync", content: null);
        var counts = await syncNow.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.OK, syncNow.StatusCode);
        Assert.Equal(0, (int)counts!["created"]!);

        // A change in Google is announced on the webhook; only the channel's token is accepted.
        var channel = fixture.Google.Channels.Single();
        fixture.Google.UpdateInGoogle((string)fromGoogle["id"]!, "Dentist, moved");
        using var forged = await anonymous.SendAsync(Notification(channel.Id, "forged-token"));
        using var genuine = await anonymous.SendAsync(Notification(channel.Id, channel.Token!));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, genuine.StatusCode);
        var moved = await tab.NextChangeAsync(GoogleEventIds.ToLocalId((string)fromGoogle["id"]!));
        Assert.Equal(("Dentist, moved", "google"), ((string?)moved["event"]!["title"], (string?)moved["event"]!["source"]));

        // Disconnect stops the channel and forgets the connection.
        using var disconnect = await http.DeleteAsync("/api/google");
        var after = await http.GetFromJsonAsync<JsonObject>("/api/google");
        Assert.Equal(HttpStatusCode.NoContent, disconnect.StatusCode);
        Assert.False((bool)after!["connected"]!);
        Assert.DoesNotContain(fixture.Google.Channels, c => c.Id == channel.Id);
    }

    private static HttpRequestMessage Notification(string channelId, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/google/webhook");
        request.Headers.Add("X-Goog-Channel-ID", channelId);
        request.Headers.Add("X-Goog-Channel-Token", token);
        request.Headers.Add("X-Goog-Resource-State", "exists");
        request.Headers.Add("X-Goog-Message-Number", "7");
        return request;
    }

    private static async Task<JsonObject> EventuallyAsync(Func<JsonObject?> probe)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (probe() is { } found)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Google never received the change.");
            await Task.Delay(50);
        }
    }
}
