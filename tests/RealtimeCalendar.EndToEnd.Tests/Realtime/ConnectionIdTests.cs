using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.Realtime;

[Collection(LocalCloudCollection.Name)]
public sealed class ConnectionIdTests(LocalCloudFixture fixture)
{
    /// <summary>
    /// Connection ids are base64, so about one socket in five has a '/' in its id, which travels to the Management API
    /// as %2F. Such a socket once got 410 for every push and lost its connection record.
    /// </summary>
    [Fact]
    public async Task A_socket_whose_connection_id_holds_a_slash_receives_pushes()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        TestSocket? tab = null;
        string? connectionId = null;
        for (var attempt = 0; attempt < 100 && connectionId is null; attempt++)
        {
            tab = await RealtimeSession.OpenAsync(fixture, user);
            var opened = (await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default))
                .Select(c => c.ConnectionId).Where(seen.Add).Single();
            if (opened.Contains('/', StringComparison.Ordinal))
                connectionId = opened;
            else
                await tab.DisposeAsync();
        }

        Assert.NotNull(connectionId);
        await using (tab!)
        {
            using var created = await http.PostAsync("/api/events", Content(Valid("to a slashed id")));
            var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

            Assert.Equal("to a slashed id", (string?)(await tab!.NextChangeAsync(id))["event"]!["title"]);
            Assert.Contains(await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default), c => c.ConnectionId == connectionId);
        }
    }
}
