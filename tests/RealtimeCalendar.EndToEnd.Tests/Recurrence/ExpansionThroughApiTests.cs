using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using RealtimeCalendar.Core.Tests.Recurrence;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;
using static RealtimeCalendar.EndToEnd.Tests.Recurrence.SeriesApi;

namespace RealtimeCalendar.EndToEnd.Tests.Recurrence;

/// <summary>
/// Every example of RFC 5545 section 3.8.5.3 created through <c>POST /api/events</c> and listed through
/// <c>GET /api/events</c> gives the instants the RFC prints; so do DST changes in two zones and a 29 February all-day
/// series. The sub-daily examples are refused with a 400 naming the rule.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class ExpansionThroughApiTests(LocalCloudFixture fixture) : IAsyncLifetime
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

    public static TheoryData<string> ExampleNames() => new(Rfc5545Examples.All.Select(e => e.Name));

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public async Task Rfc5545_example_lists_through_the_api_at_the_instants_the_rfc_prints(string name)
    {
        var example = Rfc5545Examples.All.Single(e => e.Name == name);
        var start = Local(example.Start, Rfc5545Examples.Zone);
        var series = await CreateAsync(http, Series(name[..Math.Min(name.Length, 100)], Wire(start), Wire(start.AddHours(1)), Rfc5545Examples.Zone, example.Recurrence));

        var expected = example.Occurrences.Select(o => Wire(Local(o, Rfc5545Examples.Zone))).ToList();
        var listed = await ListSeriesAsync((string)series["id"]!, start, Local(example.Occurrences[^1], Rfc5545Examples.Zone).AddMinutes(1));

        Assert.Equal(expected, listed.Select(o => (string)o["start"]!));
    }

    [Theory]
    [InlineData("RRULE:FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z")]
    [InlineData("RRULE:FREQ=MINUTELY;INTERVAL=15;COUNT=6")]
    [InlineData("RRULE:FREQ=SECONDLY;COUNT=10")]
    public async Task A_sub_daily_rfc_example_is_refused_naming_the_rule(string rule)
    {
        Assert.Contains(rule, Rfc5545Examples.SubDailyRules);
        using var response = await http.PostAsync("/api/events", Content(Series("Too often", "1997-09-02T13:00:00Z", "1997-09-02T14:00:00Z", Rfc5545Examples.Zone, rule)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal("recurrence[0]", (string)error!["field"]!);
        Assert.Contains("FREQ", (string)error["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-23T09:00", "2026-03-30T09:00", "2026-03-23T08:00:00.000Z", "2026-03-30T07:00:00.000Z")]
    [InlineData("Europe/Berlin", "2026-10-19T09:00", "2026-10-26T09:00", "2026-10-19T07:00:00.000Z", "2026-10-26T08:00:00.000Z")]
    [InlineData("America/New_York", "2026-03-02T09:00", "2026-03-09T09:00", "2026-03-02T14:00:00.000Z", "2026-03-09T13:00:00.000Z")]
    [InlineData("America/New_York", "2026-10-26T09:00", "2026-11-02T09:00", "2026-10-26T13:00:00.000Z", "2026-11-02T14:00:00.000Z")]
    public async Task A_weekly_series_keeps_its_wall_clock_time_across_dst_through_the_api(
        string zone, string first, string second, string firstUtc, string secondUtc)
    {
        var start = Local(first, zone);
        var series = await CreateAsync(http, Series("Weekly", Wire(start), Wire(start.AddMinutes(30)), zone, "RRULE:FREQ=WEEKLY"));
        var listed = await ListSeriesAsync((string)series["id"]!, start, Local(second, zone).AddMinutes(1));
        Assert.Equal([firstUtc, secondUtc], listed.Select(o => (string)o["start"]!));
    }

    [Fact]
    public async Task A_yearly_all_day_series_on_29_february_lists_leap_years_only()
    {
        var body = Series("Leap day", "2024-02-29T00:00:00Z", "2024-03-01T00:00:00Z", "Europe/Berlin", "RRULE:FREQ=YEARLY");
        body["allDay"] = true;
        var series = await CreateAsync(http, body);
        var listed = await ListSeriesAsync((string)series["id"]!, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2033, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(["2024-02-29T00:00:00.000Z", "2028-02-29T00:00:00.000Z", "2032-02-29T00:00:00.000Z"], listed.Select(o => (string)o["start"]!));
        Assert.Equal($"{series["id"]}_20280229", (string)listed[1]["id"]!);
        Assert.All(listed, o => Assert.True((bool)o["allDay"]!));
    }

    // A listing may span at most 366 days, so a long range is read a year at a time (occurrences last an hour, so one
    // never straddles two windows twice; the id settles it anyway).
    private async Task<List<JsonObject>> ListSeriesAsync(string seriesId, DateTimeOffset from, DateTimeOffset to)
    {
        var found = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        for (var windowStart = from; windowStart < to; windowStart = windowStart.AddDays(365))
        {
            var windowEnd = windowStart.AddDays(365) < to ? windowStart.AddDays(365) : to;
            foreach (var occurrence in await ListAsync(http, Wire(windowStart), Wire(windowEnd)))
            {
                if ((string?)occurrence["recurringEventId"] == seriesId)
                    found.TryAdd((string)occurrence["id"]!, occurrence);
            }
        }

        return [.. found.Values.OrderBy(o => (string)o["start"]!, StringComparer.Ordinal)];
    }

    private static string Wire(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Local(string localDateTime, string zone) =>
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(localDateTime).Value
            .InZoneLeniently(DateTimeZoneProviders.Tzdb[zone]).ToDateTimeOffset().ToUniversalTime();
}
