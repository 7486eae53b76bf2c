using System.Net;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using static RealtimeCalendar.EndToEnd.Tests.Recurrence.SeriesApi;

namespace RealtimeCalendar.EndToEnd.Tests.LambdaRuntime;

/// <summary>
/// Ical.Net runs in the published Native AOT bootstrap (rooted whole, its one trim warning suppressed for it alone):
/// a weekly Europe/Berlin series across the spring DST change expands at 09:00 local on both sides, without a zone
/// database, and one occurrence can be moved (this) and the rest split (following).
/// </summary>
public sealed class PublishedBootstrapRecurrenceTests(PublishedBootstrapFixture fixture) : IClassFixture<PublishedBootstrapFixture>
{
    [Fact]
    public async Task A_series_expands_and_splits_in_the_aot_bootstrap_across_dst_without_a_zone_database()
    {
        var user = await TestUser.CreateAsync(fixture.Cloud);
        using var http = user.CreateClient();
        var series = await CreateAsync(http, Series(
            "Stand-up", "2027-03-15T08:00:00Z", "2027-03-15T08:15:00Z", "Europe/Berlin", "RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE;TZID=Europe/Berlin:20270405T090000"));

        var listed = await ListAsync(http, "2027-03-01T00:00:00Z", "2027-05-01T00:00:00Z");
        // 09:00 Berlin is 08:00 UTC before 28 March and 07:00 UTC after it; the EXDATE removes 5 April.
        Assert.Equal(["2027-03-15T08:00:00.000Z", "2027-03-22T08:00:00.000Z", "2027-03-29T07:00:00.000Z"], listed.Select(e => (string)e["start"]!));

        using var moved = await SendAsync(http, HttpMethod.Put, $"/api/events/{listed[0]["id"]}?scope=this", 1, Moved(listed[0], TimeSpan.FromHours(1)));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        using var split = await SendAsync(http, HttpMethod.Put, $"/api/events/{listed[2]["id"]}?scope=following", 2, Moved(listed[2], TimeSpan.FromMinutes(30)));
        Assert.Equal(HttpStatusCode.OK, split.StatusCode);

        var after = await ListAsync(http, "2027-03-01T00:00:00Z", "2027-05-01T00:00:00Z");
        Assert.Equal(["2027-03-15T09:00:00.000Z", "2027-03-22T08:00:00.000Z", "2027-03-29T07:30:00.000Z"], after.Select(e => (string)e["start"]!));
        Assert.Equal((string)series["id"]!, (string)after[0]["recurringEventId"]!);
    }
}
