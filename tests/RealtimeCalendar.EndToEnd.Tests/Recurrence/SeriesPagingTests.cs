using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;
using static RealtimeCalendar.EndToEnd.Tests.Recurrence.SeriesApi;

namespace RealtimeCalendar.EndToEnd.Tests.Recurrence;

/// <summary>
/// A listing with more single events and occurrences than one page holds pages through both, never repeating or
/// losing one, with moved occurrences where they were moved to; a series page token is bound to its range.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class SeriesPagingTests(LocalCloudFixture fixture)
{
    [Fact]
    public async Task Single_events_and_occurrences_page_through_every_page_exactly_once()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        for (var day = 0; day < 30; day++)
        {
            var single = Valid($"Single {day}");
            single["start"] = $"2027-03-{1 + day:00}T12:00:00Z";
            single["end"] = $"2027-03-{1 + day:00}T12:30:00Z";
            using var created = await http.PostAsync("/api/events", Content(single));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var daily = await CreateAsync(http, Series("Daily", "2027-02-20T07:00:00Z", "2027-02-20T07:15:00Z", "Europe/Berlin", "RRULE:FREQ=DAILY"));
        var weekly = await CreateAsync(http, Series("Weekly", "2027-01-05T16:00:00Z", "2027-01-05T17:00:00Z", "Europe/Berlin", "RRULE:FREQ=WEEKLY;BYDAY=TU,TH"));
        var listed = await ListAsync(http, "2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z");
        var tuesday = listed.First(e => (string?)e["recurringEventId"] == (string)weekly["id"]!);
        using (var moved = await SendAsync(http, HttpMethod.Put, $"/api/events/{tuesday["id"]}", 1, Moved(tuesday, TimeSpan.FromDays(1))))
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var pages = 0;
        var all = new List<JsonObject>();
        string? token = null;
        do
        {
            var url = "/api/events?from=2027-03-01T00:00:00Z&to=2027-04-01T00:00:00Z&maxResults=7" + (token is null ? "" : $"&pageToken={Uri.EscapeDataString(token)}");
            using var response = await http.GetAsync(url);
            var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.True(response.StatusCode == HttpStatusCode.OK, page.ToJsonString());
            Assert.True(page["events"]!.AsArray().Count <= 7);
            all.AddRange(page["events"]!.AsArray().Select(e => e!.AsObject()));
            token = (string?)page["nextPageToken"];
            pages++;
        }
        while (token is not null);

        // 30 singles, 31 daily occurrences (one of them after the DST change), 9 weekly ones.
        Assert.Equal(70, all.Count);
        Assert.Equal(all.Count, all.Select(e => (string)e["id"]!).Distinct().Count());
        Assert.True(pages >= 10, $"{pages} pages");
        Assert.Equal(31, all.Count(e => (string?)e["recurringEventId"] == (string)daily["id"]!));
        var moved2 = Assert.Single(all, e => (string)e["id"]! == (string)tuesday["id"]!);
        Assert.Equal(SeriesApi.Shift((string)tuesday["start"]!, TimeSpan.FromDays(1)), (string)moved2["start"]!);
        Assert.Equal(2, (long)moved2["version"]!);
    }

    [Fact]
    public async Task A_series_page_token_of_another_range_is_refused()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await CreateAsync(http, Series("Daily", "2027-03-01T07:00:00Z", "2027-03-01T07:15:00Z", "Europe/Berlin", "RRULE:FREQ=DAILY"));
        var first = (await http.GetFromJsonAsync<JsonObject>("/api/events?from=2027-03-01T00:00:00Z&to=2027-04-01T00:00:00Z&maxResults=5"))!;
        var token = (string)first["nextPageToken"]!;

        using var other = await http.GetAsync($"/api/events?from=2027-03-02T00:00:00Z&to=2027-04-01T00:00:00Z&pageToken={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        using var edited = await http.GetAsync($"/api/events?from=2027-03-01T00:00:00Z&to=2027-04-01T00:00:00Z&pageToken={Uri.EscapeDataString(token + "x")}");
        Assert.Equal(HttpStatusCode.BadRequest, edited.StatusCode);
    }
}
