using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using RealtimeCalendar.Core.GoogleSync;
using static RealtimeCalendar.EndToEnd.Tests.Recurrence.SeriesApi;

namespace RealtimeCalendar.EndToEnd.Tests.GoogleSync;

/// <summary>
/// A Google series with a moved and a cancelled occurrence, through the local cloud's real tables and HTTP API: the
/// consent's first pull stores one series and one override, the listing expands it, and scoped edits of occurrences
/// reach the stand-in through the Events stream and google-push as instance changes.
/// </summary>
[Collection(GoogleLocalCloudCollection.Name)]
public sealed class GoogleSeriesThroughTheApiTests(GoogleLocalCloudFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Mondays 10:00 Berlin in 2027 (so other tests' Google events do not overlap): 09:00 UTC, 08:00 UTC from 28 March.
    private static readonly DateTimeOffset Monday = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_google_series_with_a_moved_and_a_cancelled_occurrence_lists_here_and_occurrence_edits_go_back_as_instances()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var title = "Weekly 1:1 " + Guid.NewGuid().ToString("N")[..6];
        var weekly = fixture.Google.CreateSeriesInGoogle(title, Monday, Monday.AddHours(1), ["RRULE:FREQ=WEEKLY;COUNT=6"]);
        var googleId = (string)weekly["id"]!;
        fixture.Google.MoveInstanceInGoogle(googleId, Monday.AddDays(7), Monday.AddDays(8), Monday.AddDays(8).AddHours(1));
        fixture.Google.CancelInstanceInGoogle(googleId, Monday.AddDays(14));

        await ConnectAsync(http);

        var seriesId = GoogleEventIds.ToLocalId(googleId);
        var listed = (await ListAsync(http, "2027-03-01T00:00:00Z", "2027-04-12T00:00:00Z")).Where(e => (string?)e["recurringEventId"] == seriesId).ToList();
        Assert.Equal(
            ["2027-03-01T09:00:00.000Z", "2027-03-09T09:00:00.000Z", "2027-03-22T09:00:00.000Z", "2027-03-29T08:00:00.000Z", "2027-04-05T08:00:00.000Z"],
            listed.Select(e => (string?)e["start"]));
        Assert.Equal("2027-03-08T09:00:00.000Z", (string?)listed[1]["originalStartTime"]);
        var series = (await http.GetFromJsonAsync<JsonObject>($"/api/events/{seriesId}"))!;
        Assert.Equal(["RRULE:FREQ=WEEKLY;COUNT=6", "EXDATE;TZID=Europe/Berlin:20270315T100000"], series["recurrence"]!.AsArray().Select(l => (string?)l));

        // One occurrence renamed here: google-push reads it off the stream and patches that Google instance.
        var renamed = (JsonObject)Moved(listed[2], TimeSpan.Zero);
        renamed["title"] = title + " (remote)";
        using (var put = await SendAsync(http, HttpMethod.Put, $"/api/events/{listed[2]["id"]}?scope=this", (long)listed[2]["version"]!, renamed))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var instance = await EventuallyAsync(() => fixture.Google.Find($"{googleId}_20270322T090000Z") is { } e && (string?)e["summary"] == title + " (remote)" ? e : null);
        Assert.Equal(googleId, (string?)instance["recurringEventId"]);

        // One occurrence skipped here: Google's instance is cancelled, the series there is untouched.
        var version = (long)(await http.GetFromJsonAsync<JsonObject>($"/api/events/{seriesId}"))!["version"]!;
        using (var delete = await SendAsync(http, HttpMethod.Delete, $"/api/events/{seriesId}_20270329T080000Z?scope=this", version))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await EventuallyAsync(() => fixture.Google.Find($"{googleId}_20270329T080000Z") is { } e && (string?)e["status"] == "cancelled" ? e : null);
        Assert.Equal((string?)weekly["etag"], (string?)fixture.Google.Find(googleId)!["etag"]);

        using var disconnect = await http.DeleteAsync("/api/google");
        Assert.Equal(HttpStatusCode.NoContent, disconnect.StatusCode);
    }

    private async Task ConnectAsync(HttpClient http)
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Cloud.BaseUrl };
        var connect = await http.GetFromJsonAsync<JsonObject>("/api/google/connect");
        var consent = HttpUtility.ParseQueryString(new Uri((string)connect!["authorizationUrl"]!).Query);
        var code = fixture.Google.IssueAuthorizationCode(consent["code_challenge"]!);
        using var callback = await anonymous.GetAsync($"/api/google/callback?state={Uri.EscapeDataString(consent["state"]!)}&code={Uri.EscapeDataString(code)}");
        Assert.Equal("/?google=connected", callback.Headers.Location!.OriginalString);
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
