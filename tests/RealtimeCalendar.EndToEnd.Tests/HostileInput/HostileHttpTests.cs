using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CsCheck;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.HttpApi;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using Xunit.Abstractions;

namespace RealtimeCalendar.EndToEnd.Tests.HostileInput;

/// <summary>
/// Generated hostile requests against every HTTP route: each gets a 4xx, none a 5xx, none changes what is stored,
/// and the host still serves normal requests afterwards.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class HostileHttpTests(LocalCloudFixture fixture, ITestOutputHelper output)
{
    private const int Cases = 300;

    [Fact]
    public async Task Hostile_requests_on_every_route_get_a_4xx_and_change_nothing()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        // Hostile requests bring their own Authorization (or none), so they go through a client without a default one.
        using var raw = fixture.CreateAnonymousClient();
        using var created = await http.PostAsync("/api/events", EventJson.Content(EventJson.Valid("the known event")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var knownPath = created.Headers.Location!.OriginalString;
        var storedBefore = await StoredCalendar.SnapshotAsync(fixture, user.UserId);
        var knownBefore = await ReadJsonAsync(http, knownPath);

        var seed = PropertySeed.Current;
        output.WriteLine($"CsCheck seed {seed} (replay or vary with {PropertySeed.EnvironmentVariable}=<seed>)");
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        await HostileRequests.Any(knownPath).Array[Cases].SampleAsync(
            async requests =>
            {
                foreach (var request in requests)
                {
                    var (status, failure) = await SendAsync(raw, user.AccessToken, request);
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    if (failure is not null)
                        failures.Add(failure);
                }
            },
            writeLine: output.WriteLine, seed: seed, iter: 1, threads: 1, print: requests => $"{requests.Length} requests");

        output.WriteLine("Statuses: " + string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}")));
        Assert.True(failures.Count == 0, $"Seed {seed}: {failures.Count} of {Cases} hostile requests were mishandled:\n" + string.Join('\n', failures.Take(30)));

        Assert.Equal(storedBefore, await StoredCalendar.SnapshotAsync(fixture, user.UserId));
        Assert.Equal(knownBefore, await ReadJsonAsync(http, knownPath));
        await AssertHostStillServesAsync(user, http, knownPath);
    }

    private static async Task<(int Status, string? Failure)> SendAsync(HttpClient http, string token, HostileRequest request)
    {
        using var message = request.ToMessage(token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message);
        }
        catch (HttpRequestException exception)
        {
            // The host hung up or broke the connection: as bad as a 5xx.
            return (0, $"{request} -> connection failed: {exception.Message}");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status is < 400 or > 499)
                return (status, $"{request} -> {status}: {Shorten(body)}");
            if (request.ExpectedStatus is { } expected && status != expected)
                return (status, $"{request} -> {status}, expected {expected}: {Shorten(body)}");
            if (body.Contains("   at ", StringComparison.Ordinal))
                return (status, $"{request} -> {status} leaks a stack trace");
            return (status, null);
        }
    }

    private async Task AssertHostStillServesAsync(TestUser user, HttpClient http, string knownPath)
    {
        using var list = await http.GetAsync("/api/events?from=2026-11-01T00:00:00Z&to=2026-12-31T00:00:00Z");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var read = await http.GetAsync(knownPath);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await using var tab = await RealtimeSession.OpenAsync(fixture, user);
        await tab.SendAsync("""{"action":"ping"}""");
        await tab.NextAsync(m => (string?)m["type"] == "pong");
    }

    private static async Task<string> ReadJsonAsync(HttpClient http, string path) =>
        (await http.GetFromJsonAsync<JsonObject>(path))!.ToJsonString();

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
