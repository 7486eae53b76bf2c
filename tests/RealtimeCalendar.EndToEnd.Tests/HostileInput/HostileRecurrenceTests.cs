using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CsCheck;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.HttpApi;
using Xunit.Abstractions;
using static RealtimeCalendar.EndToEnd.Tests.Recurrence.SeriesApi;

namespace RealtimeCalendar.EndToEnd.Tests.HostileInput;

/// <summary>
/// Generated hostile <c>recurrence</c> values sent to create a series, to replace a series (scope=all) and to split it
/// at an occurrence (scope=following): each gets a 400 naming a recurrence field, none a 5xx, and the stored series,
/// its occurrences and the user's event count stay exactly as they were.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class HostileRecurrenceTests(LocalCloudFixture fixture, ITestOutputHelper output)
{
    private const int Cases = 120;
    private const string From = "2027-01-01T00:00:00Z";
    private const string To = "2027-03-01T00:00:00Z";

    [Fact]
    public async Task Hostile_recurrence_values_get_a_400_naming_the_recurrence_and_change_nothing()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var series = await CreateAsync(http, Series("Stand-up", "2027-01-04T08:00:00Z", "2027-01-04T08:15:00Z", "Europe/Berlin", "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=8"));
        var seriesPath = $"/api/events/{series["id"]}";
        var third = (await ListAsync(http, From, To))[2];
        var before = await SnapshotAsync(http, seriesPath);

        var seed = PropertySeed.Current;
        output.WriteLine($"CsCheck seed {seed} (replay or vary with {PropertySeed.EnvironmentVariable}=<seed>)");
        var failures = new List<string>();
        await HostileRecurrences.Any.Array[Cases].SampleAsync(
            async cases =>
            {
                foreach (var (defect, value) in cases)
                {
                    var created = Series("Hostile", "2027-01-04T08:00:00Z", "2027-01-04T08:15:00Z", "Europe/Berlin");
                    created["recurrence"] = value.DeepClone();
                    var replaced = Series("Stand-up", "2027-01-04T08:00:00Z", "2027-01-04T08:15:00Z", "Europe/Berlin");
                    replaced["recurrence"] = value.DeepClone();
                    var split = Moved(third, TimeSpan.Zero);
                    split["recurrence"] = value.DeepClone();

                    using var post = await http.PostAsync("/api/events", EventJson.Content(created));
                    using var putAll = await SendAsync(http, HttpMethod.Put, seriesPath + "?scope=all", 1, replaced);
                    using var putFollowing = await SendAsync(http, HttpMethod.Put, $"/api/events/{third["id"]}?scope=following", 1, split);
                    foreach (var (what, response) in new[] { ("create", post), ("scope=all", putAll), ("scope=following", putFollowing) })
                    {
                        if (await CheckAsync(response) is { } problem)
                            failures.Add($"{defect} ({what}, {value.ToJsonString()[..Math.Min(120, value.ToJsonString().Length)]}): {problem}");
                    }
                }
            },
            writeLine: output.WriteLine, seed: seed, iter: 1, threads: 1, print: cases => $"{cases.Length} cases");

        Assert.True(failures.Count == 0, $"Seed {seed}: {failures.Count} mishandled:\n" + string.Join('\n', failures.Take(30)));
        Assert.Equal(before, await SnapshotAsync(http, seriesPath));
    }

    private static async Task<string?> CheckAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.BadRequest)
            return $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}";
        var problem = JsonNode.Parse(body)!.AsObject();
        var fields = problem["errors"]?.AsArray().Select(e => (string?)e!["field"]).ToList() ?? [];
        if (!fields.Any(f => f is not null && f.StartsWith("recurrence", StringComparison.Ordinal)))
            return $"400 without a recurrence field: {body[..Math.Min(body.Length, 300)]}";
        return body.Contains("   at ", StringComparison.Ordinal) ? "stack trace in the body" : null;
    }

    private static async Task<string> SnapshotAsync(HttpClient http, string seriesPath) =>
        (await http.GetFromJsonAsync<JsonObject>(seriesPath))!.ToJsonString() + "\n"
        + string.Join('\n', (await ListAsync(http, "2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z")).Select(e => e.ToJsonString())) + "\n"
        + string.Join('\n', (await ListAsync(http, From, To)).Select(e => e.ToJsonString()));
}
