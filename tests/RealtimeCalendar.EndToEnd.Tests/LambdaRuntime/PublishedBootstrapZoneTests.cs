using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.LambdaRuntime;

/// <summary>
/// The published Native AOT bootstrap in the Lambda sandbox, where <c>TZDIR</c> is an empty folder as in Lambda's
/// OS-only image: every zone id a browser reports is accepted and stored in TZDB's spelling, and a zone id's fate does
/// not depend on what the process served before.
/// </summary>
public sealed class PublishedBootstrapZoneTests(PublishedBootstrapFixture fixture) : IClassFixture<PublishedBootstrapFixture>
{
    [Fact]
    public async Task Browser_zones_are_stored_canonically_without_a_zone_database_and_a_spelling_answers_alike_in_fresh_and_warm_processes()
    {
        var user = await TestUser.CreateAsync(fixture.Cloud);
        using var http = user.CreateClient();

        // Fresh: this fixture serves this test only, so calendar-api's processes have seen no zone yet.
        var fresh = await CreateAsync(http, "europe/berlin");

        foreach (var zone in new[] { "Europe/Berlin", "Asia/Calcutta", "US/Pacific" })
        {
            // Sent twice: the Runtime API hands invocations to its waiting processes in turn, so both serve each zone.
            for (var i = 0; i < 2; i++)
            {
                var (status, stored, location) = await CreateAsync(http, zone);
                Assert.Equal((HttpStatusCode.Created, zone), (status, stored));
                Assert.Equal(zone, (string?)(await http.GetFromJsonAsync<JsonObject>(location))!["timeZone"]);
            }
        }

        var warm = await CreateAsync(http, "europe/berlin");
        var warmAgain = await CreateAsync(http, "europe/berlin");

        Assert.Equal((HttpStatusCode.Created, "Europe/Berlin"), (fresh.Status, fresh.Stored));
        Assert.Equal((fresh.Status, fresh.Stored), (warm.Status, warm.Stored));
        Assert.Equal((fresh.Status, fresh.Stored), (warmAgain.Status, warmAgain.Stored));
    }

    private static async Task<(HttpStatusCode Status, string? Stored, Uri? Location)> CreateAsync(HttpClient http, string zone)
    {
        var body = Valid();
        body["timeZone"] = zone;
        using var response = await http.PostAsync("/api/events", Content(body));
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (response.StatusCode, (string?)json?["timeZone"], response.Headers.Location);
    }
}
