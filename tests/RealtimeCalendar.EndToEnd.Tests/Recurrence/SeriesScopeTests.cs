using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using static RealtimeCalendar.EndToEnd.Tests.Recurrence.SeriesApi;

namespace RealtimeCalendar.EndToEnd.Tests.Recurrence;

/// <summary>
/// A weekly series through the HTTP API and two open sockets: created, one occurrence moved (this), split (following),
/// renamed (all), an occurrence skipped and the series deleted; every change reaches both sockets, a stale If-Match
/// changes nothing.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class SeriesScopeTests(LocalCloudFixture fixture) : IAsyncLifetime
{
    // Mondays 09:00 Berlin from 2027-01-04, eight times.
    private const string From = "2027-01-01T00:00:00Z";
    private const string To = "2027-03-01T00:00:00Z";
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

    private Task<JsonObject> CreateStandUpAsync() => CreateAsync(http, Series(
        "Stand-up", "2027-01-04T08:00:00Z", "2027-01-04T08:15:00Z", "Europe/Berlin", "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=8"));

    [Fact]
    public async Task A_weekly_series_reaches_both_sockets_and_lists_every_occurrence_with_its_series()
    {
        await using var tabA = await RealtimeSession.OpenAsync(fixture, user);
        await using var tabB = await RealtimeSession.OpenAsync(fixture, user);

        var series = await CreateStandUpAsync();
        var id = (string)series["id"]!;
        Assert.Equal("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=8", (string)series["recurrence"]![0]!);
        foreach (var tab in new[] { tabA, tabB })
        {
            var push = await tab.NextChangeAsync(id);
            Assert.Equal("upsert", (string)push["op"]!);
            Assert.NotNull(push["event"]!["recurrence"]);
        }

        var occurrences = await ListAsync(http, From, To);
        Assert.Equal(8, occurrences.Count);
        Assert.All(occurrences, o =>
        {
            Assert.Equal(id, (string)o["recurringEventId"]!);
            Assert.Equal(1, (long)o["version"]!);
            Assert.Null(o["recurrence"]);
            Assert.Equal((string)o["start"]!, (string)o["originalStartTime"]!);
            Assert.Equal($"{id}_{DateTimeOffset.Parse((string)o["start"]!, System.Globalization.CultureInfo.InvariantCulture):yyyyMMdd'T'HHmmss'Z'}", (string)o["id"]!);
        });
        Assert.Equal("2027-01-04T08:00:00.000Z", (string)occurrences[0]["start"]!);
        Assert.Equal("2027-02-22T08:00:00.000Z", (string)occurrences[7]["start"]!);

        var read = (await http.GetFromJsonAsync<JsonObject>($"/api/events/{id}"))!;
        Assert.Equal(id, (string)read["id"]!);
        Assert.NotNull(read["recurrence"]);
        var one = (await http.GetFromJsonAsync<JsonObject>($"/api/events/{occurrences[2]["id"]}"))!;
        Assert.Equal((string)occurrences[2]["start"]!, (string)one["start"]!);
    }

    [Fact]
    public async Task Scope_this_moves_one_occurrence_and_both_sockets_see_it()
    {
        var series = await CreateStandUpAsync();
        var id = (string)series["id"]!;
        await using var tabA = await RealtimeSession.OpenAsync(fixture, user);
        await using var tabB = await RealtimeSession.OpenAsync(fixture, user);
        var third = (await ListAsync(http, From, To))[2];
        var thirdId = (string)third["id"]!;

        using var moved = await SendAsync(http, HttpMethod.Put, $"/api/events/{thirdId}?scope=this", 1, Moved(third, TimeSpan.FromHours(2)));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("\"2\"", moved.Headers.ETag?.Tag);
        foreach (var tab in new[] { tabA, tabB })
        {
            var push = await tab.NextChangeAsync(thirdId);
            Assert.Equal(id, (string)push["event"]!["recurringEventId"]!);
            Assert.Equal("2027-01-18T10:00:00.000Z", (string)push["event"]!["start"]!);
        }

        var listed = await ListAsync(http, From, To);
        Assert.Equal(8, listed.Count);
        var again = Assert.Single(listed, o => (string)o["id"]! == thirdId);
        Assert.Equal("2027-01-18T10:00:00.000Z", (string)again["start"]!);
        Assert.Equal("2027-01-18T08:00:00.000Z", (string)again["originalStartTime"]!);
        Assert.All(listed, o => Assert.Equal(2, (long)o["version"]!));
        Assert.Equal(7, listed.Count(o => ((string)o["start"]!).EndsWith("T08:00:00.000Z", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_stale_if_match_on_any_scope_is_412_with_the_current_etag_and_changes_nothing()
    {
        var series = await CreateStandUpAsync();
        var id = (string)series["id"]!;
        var second = (await ListAsync(http, From, To))[1];
        using (var first = await SendAsync(http, HttpMethod.Put, $"/api/events/{second["id"]}?scope=this", 1, Moved(second, TimeSpan.FromHours(1))))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var before = await ListAsync(http, From, To);

        foreach (var scope in new[] { "this", "following", "all" })
        {
            var fourth = before[3];
            using var put = await SendAsync(http, HttpMethod.Put, $"/api/events/{fourth["id"]}?scope={scope}", 1, Moved(fourth, TimeSpan.FromHours(3)));
            Assert.Equal(HttpStatusCode.PreconditionFailed, put.StatusCode);
            Assert.Equal("\"2\"", put.Headers.ETag?.Tag);
            using var delete = await SendAsync(http, HttpMethod.Delete, $"/api/events/{fourth["id"]}?scope={scope}", 1);
            Assert.Equal(HttpStatusCode.PreconditionFailed, delete.StatusCode);
        }

        Assert.Equal(string.Join(",", before.Select(e => e.ToJsonString())), string.Join(",", (await ListAsync(http, From, To)).Select(e => e.ToJsonString())));
        Assert.Equal(2, (long)(await http.GetFromJsonAsync<JsonObject>($"/api/events/{id}"))!["version"]!);
    }

    [Fact]
    public async Task Scope_following_splits_the_series_and_later_overrides_move_with_it()
    {
        var series = await CreateStandUpAsync();
        var id = (string)series["id"]!;
        var listed = await ListAsync(http, From, To);
        // Occurrence 6 gets a note of its own first; it is after the split and must survive it.
        var sixth = listed[5];
        var note = Moved(sixth, TimeSpan.Zero);
        note["description"] = "Demo day";
        using (var edit = await SendAsync(http, HttpMethod.Put, $"/api/events/{sixth["id"]}?scope=this", 1, note))
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        await using var tabA = await RealtimeSession.OpenAsync(fixture, user);
        await using var tabB = await RealtimeSession.OpenAsync(fixture, user);
        var fourth = listed[3];
        using var split = await SendAsync(http, HttpMethod.Put, $"/api/events/{fourth["id"]}?scope=following", 2, Moved(fourth, TimeSpan.FromMinutes(30)));
        var created = (await split.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(split.StatusCode == HttpStatusCode.OK, created.ToJsonString());
        var newId = (string)created["id"]!;
        Assert.NotEqual(id, newId);
        Assert.Equal("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5", (string)created["recurrence"]![0]!);
        foreach (var tab in new[] { tabA, tabB })
        {
            Assert.Contains("UNTIL=20270125T075959Z", (string)(await tab.NextChangeAsync(id))["event"]!["recurrence"]![0]!, StringComparison.Ordinal);
            await tab.NextChangeAsync(newId);
        }

        var after = await ListAsync(http, From, To);
        Assert.Equal(8, after.Count);
        Assert.Equal(["08:00", "08:00", "08:00", "08:30", "08:30", "08:30", "08:30", "08:30"], after.Select(e => ((string)e["start"]!)[11..16]));
        Assert.All(after.Take(3), e => Assert.Equal(id, (string)e["recurringEventId"]!));
        Assert.All(after.Skip(3), e => Assert.Equal(newId, (string)e["recurringEventId"]!));
        // The moved series keeps 09:00 Berlin + 30 min; the override's note went with it only if its original start
        // is still an occurrence: the new series starts 30 minutes later, so Google's rule drops it.
        Assert.DoesNotContain(after, e => (string?)e["description"] == "Demo day");
    }

    [Fact]
    public async Task Scope_following_without_a_time_change_keeps_later_overrides_under_the_new_series()
    {
        var series = await CreateStandUpAsync();
        var id = (string)series["id"]!;
        var listed = await ListAsync(http, From, To);
        var sixth = listed[5];
        var note = Moved(sixth, TimeSpan.Zero);
        note["description"] = "Demo day";
        using (var edit = await SendAsync(http, HttpMethod.Put, $"/api/events/{sixth["id"]}?scope=this", 1, note))
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        var fourth = listed[3];
        var renamed = Moved(fourth, TimeSpan.Zero);
        renamed["title"] = "Stand-up (new team)";
        using var split = await SendAsync(http, HttpMethod.Put, $"/api/events/{fourth["id"]}?scope=following", 2, renamed);
        var newId = (string)(await split.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var after = await ListAsync(http, From, To);
        Assert.Equal(8, after.Count);
        var demo = Assert.Single(after, e => (string?)e["description"] == "Demo day");
        Assert.Equal(newId, (string)demo["recurringEventId"]!);
        Assert.Equal("Stand-up (new team)", (string)demo["title"]!);
        Assert.Equal(3, after.Count(e => (string)e["title"]! == "Stand-up"));
        Assert.Equal(id, (string)after[0]["recurringEventId"]!);
    }

    [Fact]
    public async Task Scope_all_renames_every_occurrence_and_keeps_a_moved_one_where_it_is()
    {
        var series = await CreateStandUpAsync();
        var id = (string)series["id"]!;
        var listed = await ListAsync(http, From, To);
        using (var move = await SendAsync(http, HttpMethod.Put, $"/api/events/{listed[1]["id"]}?scope=this", 1, Moved(listed[1], TimeSpan.FromHours(1))))
            Assert.Equal(HttpStatusCode.OK, move.StatusCode);

        await using var tabA = await RealtimeSession.OpenAsync(fixture, user);
        await using var tabB = await RealtimeSession.OpenAsync(fixture, user);
        var renamed = Moved(listed[4], TimeSpan.Zero);
        renamed["title"] = "Daily sync";
        using var all = await SendAsync(http, HttpMethod.Put, $"/api/events/{listed[4]["id"]}?scope=all", 2, renamed);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        foreach (var tab in new[] { tabA, tabB })
            Assert.Equal("Daily sync", (string)(await tab.NextChangeAsync(id))["event"]!["title"]!);

        var after = await ListAsync(http, From, To);
        Assert.Equal(8, after.Count);
        Assert.All(after, e => Assert.Equal("Daily sync", (string)e["title"]!));
        Assert.Single(after, e => ((string)e["start"]!).EndsWith("T09:00:00.000Z", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deleting_one_occurrence_adds_an_exdate_and_deleting_all_leaves_nothing()
    {
        var series = await CreateStandUpAsync();
        var id = (string)series["id"]!;
        var listed = await ListAsync(http, From, To);
        await using var tab = await RealtimeSession.OpenAsync(fixture, user);

        using (var skip = await SendAsync(http, HttpMethod.Delete, $"/api/events/{listed[2]["id"]}?scope=this", 1))
            Assert.Equal(HttpStatusCode.NoContent, skip.StatusCode);
        Assert.Contains("EXDATE;TZID=Europe/Berlin:20270118T090000", (await tab.NextChangeAsync(id))["event"]!["recurrence"]!.AsArray().Select(l => (string)l!));
        var after = await ListAsync(http, From, To);
        Assert.Equal(7, after.Count);
        Assert.DoesNotContain(after, e => (string)e["id"]! == (string)listed[2]["id"]!);
        using (var gone = await http.GetAsync($"/api/events/{listed[2]["id"]}"))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        using (var delete = await SendAsync(http, HttpMethod.Delete, $"/api/events/{listed[0]["id"]}?scope=all", 2))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal("delete", (string)(await tab.NextChangeAsync(id))["op"]!);
        Assert.Empty(await ListAsync(http, From, To));
    }

    [Fact]
    public async Task Deleting_this_and_following_ends_the_series_before_the_occurrence()
    {
        var series = await CreateStandUpAsync();
        var listed = await ListAsync(http, From, To);
        using var delete = await SendAsync(http, HttpMethod.Delete, $"/api/events/{listed[5]["id"]}?scope=following", 1);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var after = await ListAsync(http, From, To);
        Assert.Equal(listed.Take(5).Select(e => (string)e["start"]!), after.Select(e => (string)e["start"]!));
        Assert.Equal((string)series["id"]!, (string)after[0]["recurringEventId"]!);
    }
}
