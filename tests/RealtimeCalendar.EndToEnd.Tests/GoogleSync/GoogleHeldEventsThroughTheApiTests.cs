using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.HttpApi;
using RealtimeCalendar.EndToEnd.Tests.Realtime;

namespace RealtimeCalendar.EndToEnd.Tests.GoogleSync;

/// <summary>
/// Google events as Google holds them, pulled into the local cloud's real tables and seen through the HTTP API and an
/// open socket (issue 15): restored events come back above the deleted version, status entries are read-only, and
/// the API takes zero-length events as Google does.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class GoogleHeldEventsThroughTheApiTests(LocalCloudFixture fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_event_deleted_here_and_restored_in_google_reaches_an_open_tab_above_the_deleted_version()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var google = await StandInGoogleSync.StartAsync(fixture.Cloud);
        var created = google.Google.CreateInGoogle("Dentist", Start, Start.AddHours(1));
        await google.ConnectAsync(user.UserId);
        var id = GoogleEventIds.ToLocalId((string)created["id"]!);
        await using var tab = await RealtimeSession.OpenAsync(fixture, user);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/events/{id}");
        delete.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(delete)).StatusCode);
        var deleted = await tab.NextChangeAsync(id);
        // What google-push does with the delete, then the user restores it from Google Calendar's bin.
        google.Google.CancelInGoogle((string)created["id"]!);
        google.Google.RestoreInGoogle((string)created["id"]!);
        var result = await google.Sync.PullAsync(user.UserId, CancellationToken.None);
        var restored = await tab.NextChangeAsync(id);

        Assert.Equal(("delete", 1L), ((string?)deleted["op"], (long)deleted["version"]!));
        Assert.Equal(1, result.Created);
        Assert.Equal("upsert", (string?)restored["op"]);
        Assert.True((long)restored["version"]! > (long)deleted["version"]!, restored.ToJsonString());
        var listed = await ListAsync(http);
        Assert.Equal([(id, 2L)], listed.Select(e => ((string)e!["id"]!, (long)e["version"]!)));
    }

    [Fact]
    public async Task Status_entries_are_listed_read_only_and_edits_through_the_api_are_a_409_problem()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var google = await StandInGoogleSync.StartAsync(fixture.Cloud);
        var outOfOffice = google.Google.CreateInGoogle("Out of office", Start, Start.AddHours(8));
        google.Google.SetField((string)outOfOffice["id"]!, "eventType", "outOfOffice");
        await google.ConnectAsync(user.UserId);
        var id = GoogleEventIds.ToLocalId((string)outOfOffice["id"]!);

        var listed = Assert.Single(await ListAsync(http))!;
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/events/{id}") { Content = EventJson.Content(EventJson.Valid("Back at work")) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var edited = await http.SendAsync(put);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/events/{id}");
        delete.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var deleted = await http.SendAsync(delete);

        Assert.Equal(("outOfOffice", true), ((string?)listed["eventType"], (bool)listed["readOnly"]!));
        foreach (var response in new[] { edited, deleted })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("/problems/read-only-event", (string?)problem["type"]);
        }

        Assert.Equal("Out of office", (string?)(await http.GetFromJsonAsync<JsonObject>($"/api/events/{id}"))!["title"]);
    }

    [Fact]
    public async Task The_api_takes_an_event_that_ends_when_it_starts_and_refuses_one_that_ends_before()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var point = EventJson.Valid("Deadline");
        point["end"] = point["start"]!.DeepClone();
        var backwards = EventJson.Valid("Backwards");
        backwards["end"] = DateTimeOffset.Parse((string)backwards["start"]!, CultureInfo.InvariantCulture).AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture);

        using var created = await http.PostAsync("/api/events", EventJson.Content(point));
        using var refused = await http.PostAsync("/api/events", EventJson.Content(backwards));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((string?)body["start"], (string?)body["end"]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private static async Task<JsonArray> ListAsync(HttpClient http)
    {
        var from = Start.AddDays(-1).ToString("O", CultureInfo.InvariantCulture);
        var to = Start.AddDays(1).ToString("O", CultureInfo.InvariantCulture);
        var body = (await http.GetFromJsonAsync<JsonObject>($"/api/events?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}"))!;
        return body["events"]!.AsArray();
    }
}
