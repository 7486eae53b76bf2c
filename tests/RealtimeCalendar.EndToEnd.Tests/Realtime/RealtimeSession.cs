using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.Realtime;

/// <summary>Opens sockets the way the browser does: a one-time ticket from the API, then <c>/ws?ticket=</c>.</summary>
internal static class RealtimeSession
{
    public static async Task<string> TicketAsync(HttpClient http)
    {
        using var response = await http.PostAsync("/api/realtime/ticket", content: null);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["ticket"]!;
    }

    public static Task<TestSocket> OpenAsync(LocalCloudFixture fixture, TestUser user) => OpenAsync(fixture.Cloud, user);

    public static async Task<TestSocket> OpenAsync(LocalCloud cloud, TestUser user)
    {
        using var http = user.CreateClient();
        return await TestSocket.ConnectAsync(cloud.WebSocketUrl, "?ticket=" + Uri.EscapeDataString(await TicketAsync(http)));
    }
}
