using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using RealtimeCalendar.EndToEnd.Tests.Recurrence;
using static RealtimeCalendar.EndToEnd.Tests.Chat.ChatConversation;
using static RealtimeCalendar.StandIns.OpenAI.ModelSteps;

namespace RealtimeCalendar.EndToEnd.Tests.Chat;

/// <summary>
/// Repeating events in plain language: the model's tool calls (scripted as a real model sends them) create a series,
/// skip one occurrence and move the later ones, through the same API rules and scopes, read back through the HTTP API.
/// </summary>
[Collection(ChatCloudCollection.Name)]
public sealed class ChatRecurrenceTests(ChatCloudFixture fixture) : ScriptedModelTests(fixture)
{
    [Fact]
    public async Task Gym_every_Monday_and_Thursday_at_7_until_a_date_is_one_series_listed_occurrence_by_occurrence()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var tab = await RealtimeSession.OpenAsync(Fixture.Cloud, user);
        var monday = FirstMondayFrom(Day(1));
        var lastThursday = monday.AddDays(24);
        var rule = $"RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL={UtcUntil(lastThursday)}";
        Model.Script(
            Call("create_event", $$"""{"title":"Gym","start":"{{WallClock(monday, 7)}}","end":"{{WallClock(monday, 8)}}","recurrence":["{{rule}}"]}"""),
            Say(request => "Gym repeats: " + (string)LastToolResult(request)["event"]!["recurrence"]![0]!));

        var (response, body) = await AskAsync(http, $"gym every Monday and Thursday at 7 until {lastThursday.ToString("d MMMM", CultureInfo.InvariantCulture)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Gym repeats: " + rule, (string)body["reply"]!);
        var change = body["changes"]!.AsArray().Single()!;
        var seriesId = (string)change["eventId"]!;
        Assert.Equal(("created", Iso(BerlinInstant(monday, 7))), ((string)change["op"]!, (string)change["start"]!));
        var series = (await http.GetFromJsonAsync<JsonObject>($"/api/events/{seriesId}"))!;
        Assert.Equal([rule], series["recurrence"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(Zone, (string)series["timeZone"]!);
        Assert.Equal("upsert", (string)(await tab.NextChangeAsync(seriesId))["op"]!);

        var occurrences = await SeriesApi.ListAsync(http, Iso(BerlinInstant(monday.AddDays(-1), 0)), Iso(BerlinInstant(monday.AddDays(35), 0)));
        var expected = new[] { 0, 3, 7, 10, 14, 17, 21, 24 }.Select(d => Iso(BerlinInstant(monday.AddDays(d), 7))).ToList();
        Assert.Equal(expected, occurrences.Select(o => (string)o["start"]!));
        Assert.All(occurrences, o =>
        {
            Assert.Equal(seriesId, (string)o["recurringEventId"]!);
            Assert.Equal((string)o["start"]!, (string)o["originalStartTime"]!);
            Assert.Equal(TimeSpan.FromHours(1), Instant(o, "end") - Instant(o, "start"));
        });

        // The model was offered recurrence and scope, and told about series.
        var first = Model.Received[0].Json;
        var tools = first["tools"]!.AsArray().ToDictionary(t => (string)t!["function"]!["name"]!, t => t!["function"]!["parameters"]!["properties"]!.AsObject());
        Assert.True(tools["create_event"].ContainsKey("recurrence") && tools["update_event"].ContainsKey("scope") && tools["delete_event"].ContainsKey("scope"));
        Assert.Contains("following", (string)first["messages"]![0]!["content"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_next_weeks_stand_up_deletes_that_occurrence_only()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var monday = FirstMondayFrom(Day(1));
        var seriesId = await CreateStandUpAsync(http, monday);
        await using var tab = await RealtimeSession.OpenAsync(Fixture.Cloud, user);
        var nextWeek = monday.AddDays(7);
        Model.Script(
            Call("list_events", $$"""{"from":"{{nextWeek:yyyy-MM-dd}}","to":"{{nextWeek.AddDays(6):yyyy-MM-dd}}"}"""),
            Call("delete_event", request => $$"""{"eventId":"{{ListedId(request, "Stand-up")}}","scope":"this"}"""),
            Say(request => $"Skipped the stand-up on {((string)LastToolResult(request)["event"]!["start"]!)[..10]} ({(string)LastToolResult(request)["scope"]!})."));

        var (response, body) = await AskAsync(http, "skip next week's stand-up");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Skipped the stand-up on {nextWeek:yyyy-MM-dd} (this).", (string)body["reply"]!);
        var listedByModel = LastToolResult(Model.Received[1].Json)["events"]!.AsArray().Single()!;
        Assert.Equal((seriesId, $"{seriesId}_{BerlinInstant(nextWeek, 9).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}"), ((string)listedByModel["recurringEventId"]!, (string)listedByModel["id"]!));
        Assert.Equal(("deleted", (string)listedByModel["id"]!), ((string)body["changes"]![0]!["op"]!, (string)body["changes"]![0]!["eventId"]!));

        var left = await SeriesApi.ListAsync(http, Iso(BerlinInstant(monday.AddDays(-1), 0)), Iso(BerlinInstant(monday.AddDays(42), 0)));
        Assert.Equal(new[] { 0, 14, 21, 28, 35 }.Select(d => Iso(BerlinInstant(monday.AddDays(d), 9))), left.Select(o => (string)o["start"]!));
        Assert.All(left, o => Assert.Equal((seriesId, 2L), ((string)o["recurringEventId"]!, (long)o["version"]!)));
        // One push for the series: version 2, with the EXDATE (the creation's push may reach this tab first).
        var pushed = await tab.NextAsync(m => (string?)m["eventId"] == seriesId && (long?)m["version"] == 2);
        Assert.Contains(pushed["event"]!["recurrence"]!.AsArray(), l => ((string)l!).StartsWith("EXDATE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Move_all_future_stand_ups_to_9_30_splits_the_series_and_leaves_past_ones_at_9()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var next = FirstMondayFrom(Day(1));
        var firstOfSeries = next.AddDays(-14); // two stand-ups are already past
        var seriesId = await CreateStandUpAsync(http, firstOfSeries);
        Model.Script(
            Call("list_events", $$"""{"from":"{{Day(1):yyyy-MM-dd}}","to":"{{next:yyyy-MM-dd}}"}"""),
            Call("update_event", request => $$"""{"eventId":"{{ListedId(request, "Stand-up")}}","start":"{{WallClock(next, 9, 30)}}","scope":"following"}"""),
            Say("From now on your stand-up is at 09:30."));

        var (response, body) = await AskAsync(http, "move all future stand-ups to 9:30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var change = body["changes"]!.AsArray().Single()!;
        var newSeriesId = (string)change["eventId"]!;
        Assert.NotEqual(seriesId, newSeriesId);
        Assert.Equal(("updated", Iso(BerlinInstant(next, 9, 30))), ((string)change["op"]!, (string)change["start"]!));
        Assert.Equal("following", (string)LastToolResult(Model.Received[2].Json)["scope"]!);

        var all = await SeriesApi.ListAsync(http, Iso(BerlinInstant(firstOfSeries.AddDays(-1), 0)), Iso(BerlinInstant(next.AddDays(35), 0)));
        Assert.Equal(
            [
                (Iso(BerlinInstant(firstOfSeries, 9)), Iso(BerlinInstant(firstOfSeries, 9, 15)), seriesId),
                (Iso(BerlinInstant(firstOfSeries.AddDays(7), 9)), Iso(BerlinInstant(firstOfSeries.AddDays(7), 9, 15)), seriesId),
                (Iso(BerlinInstant(next, 9, 30)), Iso(BerlinInstant(next, 9, 45)), newSeriesId),
                (Iso(BerlinInstant(next.AddDays(7), 9, 30)), Iso(BerlinInstant(next.AddDays(7), 9, 45)), newSeriesId),
                (Iso(BerlinInstant(next.AddDays(14), 9, 30)), Iso(BerlinInstant(next.AddDays(14), 9, 45)), newSeriesId),
                (Iso(BerlinInstant(next.AddDays(21), 9, 30)), Iso(BerlinInstant(next.AddDays(21), 9, 45)), newSeriesId),
            ],
            all.Select(o => ((string)o["start"]!, (string)o["end"]!, (string)o["recurringEventId"]!)));
    }

    [Fact]
    public async Task A_bad_recurrence_or_scope_from_the_model_is_answered_as_an_error_naming_the_field_and_changes_nothing()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var monday = FirstMondayFrom(Day(1));
        var seriesId = await CreateStandUpAsync(http, monday);
        var before = await SeriesApi.ListAsync(http, Iso(BerlinInstant(monday.AddDays(-1), 0)), Iso(BerlinInstant(monday.AddDays(42), 0)));
        var occurrenceId = (string)before[1]["id"]!;
        await using var tab = await RealtimeSession.OpenAsync(Fixture.Cloud, user);
        Model.Script(
            // UNTIL in local time: RFC 5545 wants it in UTC.
            Call("create_event", $$"""{"title":"Gym","start":"{{WallClock(monday, 7)}}","recurrence":["RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL={{monday.AddDays(24):yyyyMMdd}}T235959"]}"""),
            Call("create_event", $$"""{"title":"Gym","start":"{{WallClock(monday, 7)}}","recurrence":"RRULE:FREQ=WEEKLY;BYDAY=MO,TH"}"""),
            Call("update_event", $$"""{"eventId":"{{occurrenceId}}","start":"{{WallClock(monday.AddDays(7), 9, 30)}}","scope":"from now on"}"""),
            Call("update_event", $$"""{"eventId":"{{occurrenceId}}","recurrence":["RRULE:FREQ=DAILY"],"scope":"this"}"""),
            Say("Should the gym end on the last Thursday, and should the change reach all stand-ups?"));

        var (response, body) = await AskAsync(http, "gym every Monday and Thursday at 7 until the end of the month, and stand-ups at 9:30 from now on");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(body["changes"]!.AsArray());
        var results = Model.Received.Skip(1).Select(r => LastToolResult(r.Json)).ToList();
        Assert.All(results, r => Assert.NotNull(r["error"]));
        Assert.Equal(["recurrence[0]", "recurrence", "scope", "recurrence"], results.Select(r => (string)r["fields"]![0]!["field"]!));
        Assert.Contains("UTC", (string)results[0]["fields"]![0]!["message"]!, StringComparison.Ordinal);

        var after = await SeriesApi.ListAsync(http, Iso(BerlinInstant(monday.AddDays(-1), 0)), Iso(BerlinInstant(monday.AddDays(42), 0)));
        Assert.Equal(before.Select(o => o.ToJsonString()), after.Select(o => o.ToJsonString()));
        Assert.Equal(1L, (long)(await http.GetFromJsonAsync<JsonObject>($"/api/events/{seriesId}"))!["version"]!);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(tab.Received, m => (string?)m["type"] == "event.changed" && (long?)m["version"] > 1);
    }

    /// <summary>A weekly stand-up, Mondays 09:00–09:15 Berlin, six times, created through the HTTP API as a tab would.</summary>
    private static async Task<string> CreateStandUpAsync(HttpClient http, DateOnly firstMonday)
    {
        var created = await SeriesApi.CreateAsync(http, SeriesApi.Series(
            "Stand-up", Iso(BerlinInstant(firstMonday, 9)), Iso(BerlinInstant(firstMonday, 9, 15)), Zone, "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6"));
        return (string)created["id"]!;
    }

    private static DateOnly FirstMondayFrom(DateOnly day) => day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);

    /// <summary>The last second of <paramref name="lastDay"/> in Berlin, in UTC, as RFC 5545 wants UNTIL for a timed series.</summary>
    private static string UtcUntil(DateOnly lastDay) =>
        BerlinInstant(lastDay.AddDays(1), 0).AddSeconds(-1).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(JsonObject o, string field) => DateTimeOffset.Parse((string)o[field]!, CultureInfo.InvariantCulture);
}
