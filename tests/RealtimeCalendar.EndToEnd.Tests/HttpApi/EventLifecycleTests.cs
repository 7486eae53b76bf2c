using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.HttpApi;

[Collection(LocalCloudCollection.Name)]
public sealed class EventLifecycleTests(LocalCloudFixture fixture) : IAsyncLifetime
{
    private TestUser user = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        user = await fixture.CreateUserAsync();
        http = user.CreateClient();
    }

    public Task DisposeAsync()
    {
        http.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Create_answers_201_with_location_etag_and_the_stored_event()
    {
        using var response = await http.PostAsync("/api/events", Content(Valid()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var id = (string)body!["id"]!;
        Assert.Equal($"/api/events/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("2026-12-01T12:00:00.000Z", (string?)body["start"]);
        Assert.Equal(1, (long)body["version"]!);

        using var read = await http.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(body.ToJsonString(), (await read.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString());
    }

    [Fact]
    public async Task Update_with_the_current_etag_bumps_the_version()
    {
        var (location, _) = await CreateAsync();
        var moved = Valid("Lunch, moved");
        moved["start"] = "2026-12-01T14:00:00+01:00";
        moved["end"] = "2026-12-01T15:00:00+01:00";

        using var response = await SendAsync(HttpMethod.Put, location, moved, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(("Lunch, moved", "2026-12-01T13:00:00.000Z", 2L), ((string)body!["title"]!, (string)body["start"]!, (long)body["version"]!));
    }

    [Fact]
    public async Task Stale_version_update_is_rejected_with_412_and_the_current_etag()
    {
        var (location, _) = await CreateAsync();
        (await SendAsync(HttpMethod.Put, location, Valid("second"), ifMatch: "\"1\"")).Dispose();

        using var stale = await SendAsync(HttpMethod.Put, location, Valid("from a stale tab"), ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("\"2\"", stale.Headers.ETag?.Tag);
        Assert.Equal("/problems/precondition-failed", (string?)(await stale.Content.ReadFromJsonAsync<JsonObject>())!["type"]);
        Assert.Equal("second", await TitleAsync(location));
    }

    [Fact]
    public async Task Update_and_delete_without_if_match_are_rejected_with_428()
    {
        var (location, _) = await CreateAsync();
        using var put = await SendAsync(HttpMethod.Put, location, Valid("no etag"), ifMatch: null);
        using var delete = await http.DeleteAsync(location);

        Assert.Equal((HttpStatusCode)428, put.StatusCode);
        Assert.Equal((HttpStatusCode)428, delete.StatusCode);
        Assert.Equal("Lunch with Sam", await TitleAsync(location));
    }

    [Fact]
    public async Task Delete_with_the_current_etag_removes_the_event()
    {
        var (location, _) = await CreateAsync();
        using var stale = await SendAsync(HttpMethod.Delete, location, body: null, ifMatch: "\"9\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        using var deleted = await SendAsync(HttpMethod.Delete, location, body: null, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var read = await http.GetAsync(location);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Unknown_or_malformed_ids_are_404_problems(string method)
    {
        foreach (var id in new[] { "0190a1b2c3d4e5f6a7b8c9d0e1f2a3b4", "not-an-id", "..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1" })
        {
            using var response = await SendAsync(new HttpMethod(method), $"/api/events/{id}", method == "PUT" ? Valid() : null, ifMatch: "\"1\"");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Listing_a_range_returns_events_overlapping_it()
    {
        var inside = Valid("in range", dayOffset: 20);
        var straddling = Valid("straddles the start", dayOffset: 19);
        straddling["end"] = "2026-12-21T01:00:00Z";
        var outside = Valid("outside", dayOffset: 25);
        foreach (var body in new[] { inside, straddling, outside })
            (await http.PostAsync("/api/events", Content(body))).Dispose();

        var list = await http.GetFromJsonAsync<JsonObject>("/api/events?from=2026-12-21T00:00:00Z&to=2026-12-22T00:00:00Z");

        var titles = list!["events"]!.AsArray().Select(e => (string)e!["title"]!).Order().ToList();
        Assert.Equal(["in range", "straddles the start"], titles);
    }

    private async Task<(string Location, JsonObject Body)> CreateAsync()
    {
        using var response = await http.PostAsync("/api/events", Content(Valid()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (response.Headers.Location!.OriginalString, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private async Task<string?> TitleAsync(string location) =>
        (string?)(await http.GetFromJsonAsync<JsonObject>(location))!["title"];

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = Content(body);
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return http.SendAsync(request);
    }
}
