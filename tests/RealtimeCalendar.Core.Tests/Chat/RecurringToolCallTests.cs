using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.Chat;
using RealtimeCalendar.Core.Chat.Model;
using RealtimeCalendar.Core.Chat.Tools;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Tests.Calendar;
using RealtimeCalendar.Core.TimeZones;

namespace RealtimeCalendar.Core.Tests.Chat;

/// <summary>
/// Tool calls about repeating events, as the model writes them, run through the real calendar service over an
/// in-memory Events table: how recurrence and scope are read, what they become, and that a bad one changes nothing.
/// </summary>
public sealed class RecurringToolCallTests
{
    private const string User = "user-1";
    private const string GymRule = "RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20270331T215959Z";
    private const string WeekdayRule = "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
    private static readonly ToolTimeFormat Berlin = new(IanaTimeZones.GetZone("Europe/Berlin"));

    private readonly InMemoryEventStore store = new();
    private readonly CalendarTools tools;

    public RecurringToolCallTests()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
        tools = new CalendarTools(new CalendarService(store, time, new CalendarOptions(), NullLogger<CalendarService>.Instance));
    }

    [Fact]
    public async Task Create_with_recurrence_stores_a_series_in_the_users_zone_and_answers_its_rule()
    {
        var (result, change) = await CallAsync(CalendarTools.CreateEvent,
            $$"""{"title":"Gym","start":"2026-11-30T07:00","end":"2026-11-30T08:00","recurrence":["{{GymRule}}"]}""");

        Assert.Equal("created", (string)result["status"]!);
        Assert.Equal([GymRule], result["event"]!["recurrence"]!.AsArray().Select(l => (string)l!));
        var series = Assert.Single(store.All(User));
        Assert.Equal((true, "Europe/Berlin", new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero)), (series.IsSeries, series.TimeZone, series.Start));
        Assert.Equal((ChatChangeKind.Created, series.EventId, 1L), (change!.Kind, change.EventId, change.Version));
    }

    [Fact]
    public async Task List_shows_each_occurrence_with_its_series_and_original_start_through_until_and_across_dst()
    {
        var seriesId = await CreateSeriesAsync("Gym", "2026-11-30T07:00", "2026-11-30T08:00", GymRule);

        var firstWeek = await ListAsync("2026-11-30", "2026-12-06");
        var lastWeek = await ListAsync("2027-03-29", "2027-04-04");

        Assert.Equal(
            [
                ($"{seriesId}_20261130T060000Z", "2026-11-30T07:00+01:00", "2026-11-30T07:00+01:00"),
                ($"{seriesId}_20261203T060000Z", "2026-12-03T07:00+01:00", "2026-12-03T07:00+01:00"),
            ],
            firstWeek.Select(e => ((string)e["id"]!, (string)e["start"]!, (string)e["originalStartTime"]!)));
        Assert.All(firstWeek, e => Assert.Equal(seriesId, (string)e["recurringEventId"]!));
        // Monday 29 March is in summer time and still before UNTIL; Thursday 1 April is after it.
        Assert.Equal(["2027-03-29T07:00+02:00"], lastWeek.Select(e => (string)e["start"]!));
    }

    public static TheoryData<string, string> BadRecurrences() => new()
    {
        { """["RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20270331T235959"]""", "recurrence[0]" }, // UNTIL in local time
        { """["RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20270331"]""", "recurrence" }, // a date UNTIL for a timed series
        { """["RRULE:FREQ=WEEKLY;BYDAY=MONDAY,THURSDAY"]""", "recurrence[0]" },
        { """["RRULE:FREQ=HOURLY"]""", "recurrence[0]" },
        { """["RRULE:FREQ=DAILY;BYHOUR=7"]""", "recurrence[0]" },
        { """["RRULE:FREQ=DAILY;COUNT=3;UNTIL=20270331T215959Z"]""", "recurrence[0]" },
        { """["RRULE:FREQ=WEEKLY;UNTIL=20261101T000000Z"]""", "recurrence" }, // ends before it starts
        { """["every Monday"]""", "recurrence[0]" },
        { """[]""", "recurrence" },
        { """"RRULE:FREQ=WEEKLY;BYDAY=MO,TH"""", "recurrence" }, // a string, not an array
        { """["RRULE:FREQ=WEEKLY", 7]""", "recurrence[1]" },
    };

    [Theory]
    [MemberData(nameof(BadRecurrences))]
    public async Task A_bad_recurrence_is_answered_with_the_field_and_changes_nothing(string recurrenceJson, string field)
    {
        var (result, change) = await CallAsync(CalendarTools.CreateEvent,
            $$"""{"title":"Gym","start":"2026-11-30T07:00","recurrence":{{recurrenceJson}}}""");

        Assert.Contains("not", (string)result["error"]!, StringComparison.Ordinal);
        Assert.Contains(field, result["fields"]!.AsArray().Select(f => (string)f!["field"]!));
        Assert.Null(change);
        Assert.Empty(store.All(User));
        Assert.Equal(0, store.Writes);
    }

    [Fact]
    public async Task Delete_with_scope_this_skips_one_occurrence_and_keeps_the_others()
    {
        var seriesId = await CreateSeriesAsync("Stand-up", "2026-11-30T09:00", "2026-11-30T09:15", WeekdayRule);
        var tuesday = (string)(await ListAsync("2026-12-07", "2026-12-11"))[1]["id"]!;

        var (result, change) = await CallAsync(CalendarTools.DeleteEvent, $$"""{"eventId":"{{tuesday}}","scope":"this"}""");

        Assert.Equal(("deleted", "this"), ((string)result["status"]!, (string)result["scope"]!));
        Assert.Equal((ChatChangeKind.Deleted, tuesday, 1L), (change!.Kind, change.EventId, change.Version));
        var left = (await ListAsync("2026-11-30", "2026-12-11")).Select(e => ((string)e["start"]!)[..10]).ToList();
        Assert.Equal(9, left.Count);
        Assert.DoesNotContain("2026-12-08", left);
        Assert.Contains("2026-12-09", left);
        Assert.Equal(2L, store.All(User).Single(e => e.EventId == seriesId).Version);
    }

    [Fact]
    public async Task Delete_of_an_occurrence_without_scope_skips_only_that_occurrence()
    {
        await CreateSeriesAsync("Stand-up", "2026-11-30T09:00", "2026-11-30T09:15", WeekdayRule);
        var monday = (string)(await ListAsync("2026-11-30", "2026-11-30")).Single()["id"]!;

        var (result, _) = await CallAsync(CalendarTools.DeleteEvent, $$"""{"eventId":"{{monday}}"}""");

        Assert.Equal("this", (string)result["scope"]!);
        Assert.Equal(4, (await ListAsync("2026-11-30", "2026-12-04")).Count);
    }

    [Fact]
    public async Task Update_with_scope_following_moves_that_occurrence_and_later_ones_and_leaves_earlier_ones()
    {
        var seriesId = await CreateSeriesAsync("Stand-up", "2026-11-30T09:00", "2026-11-30T09:15", WeekdayRule);
        var thursday = (string)(await ListAsync("2026-12-03", "2026-12-03")).Single()["id"]!;

        var (result, change) = await CallAsync(CalendarTools.UpdateEvent,
            $$"""{"eventId":"{{thursday}}","start":"2026-12-03T09:30","scope":" Following "}""");

        Assert.Equal(("updated", "following"), ((string)result["status"]!, (string)result["scope"]!));
        var split = (string)result["event"]!["id"]!;
        Assert.NotEqual(seriesId, split);
        Assert.NotNull(result["event"]!["recurrence"]);
        Assert.Equal((ChatChangeKind.Updated, split), (change!.Kind, change.EventId));
        var times = (await ListAsync("2026-11-30", "2026-12-08")).Select(e => ((string)e["start"]!, (string)e["end"]!)).ToList();
        Assert.Equal(
            [
                ("2026-11-30T09:00+01:00", "2026-11-30T09:15+01:00"),
                ("2026-12-01T09:00+01:00", "2026-12-01T09:15+01:00"),
                ("2026-12-02T09:00+01:00", "2026-12-02T09:15+01:00"),
                ("2026-12-03T09:30+01:00", "2026-12-03T09:45+01:00"),
                ("2026-12-04T09:30+01:00", "2026-12-04T09:45+01:00"),
                ("2026-12-07T09:30+01:00", "2026-12-07T09:45+01:00"),
                ("2026-12-08T09:30+01:00", "2026-12-08T09:45+01:00"),
            ],
            times);
    }

    [Fact]
    public async Task Update_with_scope_all_from_an_edited_occurrence_keeps_the_series_title_and_length()
    {
        var seriesId = await CreateSeriesAsync("Stand-up", "2026-11-30T09:00", "2026-11-30T09:15", WeekdayRule);
        var wednesday = (string)(await ListAsync("2026-12-02", "2026-12-02")).Single()["id"]!;
        await CallAsync(CalendarTools.UpdateEvent, $$"""{"eventId":"{{wednesday}}","title":"Stand-up with demo","end":"2026-12-02T10:00","scope":"this"}""");

        var (result, _) = await CallAsync(CalendarTools.UpdateEvent, $$"""{"eventId":"{{wednesday}}","start":"2026-12-02T09:30","scope":"all"}""");

        Assert.Equal(("all", seriesId), ((string)result["scope"]!, (string)result["event"]!["id"]!));
        var listed = await ListAsync("2026-11-30", "2026-12-04");
        Assert.Equal(5, listed.Count);
        Assert.All(listed, e => Assert.Equal(("Stand-up", "09:30", "09:45"), ((string)e["title"]!, ((string)e["start"]!)[11..16], ((string)e["end"]!)[11..16])));
    }

    [Fact]
    public async Task Recurrence_on_one_occurrence_is_refused_naming_recurrence_and_changes_nothing()
    {
        await CreateSeriesAsync("Stand-up", "2026-11-30T09:00", "2026-11-30T09:15", WeekdayRule);
        var monday = (string)(await ListAsync("2026-11-30", "2026-11-30")).Single()["id"]!;
        var writes = store.Writes;

        var (result, change) = await CallAsync(CalendarTools.UpdateEvent, $$"""{"eventId":"{{monday}}","recurrence":["RRULE:FREQ=DAILY"],"scope":"this"}""");

        Assert.Equal("recurrence", (string)result["fields"]![0]!["field"]!);
        Assert.Null(change);
        Assert.Equal(writes, store.Writes);
    }

    [Theory]
    [InlineData(CalendarTools.UpdateEvent, """{"eventId":"OCCURRENCE","title":"Daily","scope":"future"}""")]
    [InlineData(CalendarTools.DeleteEvent, """{"eventId":"OCCURRENCE","scope":"only this one"}""")]
    [InlineData(CalendarTools.DeleteEvent, """{"eventId":"SERIES","scope":"this"}""")] // scope this needs an occurrence's id
    public async Task A_scope_that_does_not_fit_is_refused_naming_scope_and_changes_nothing(string tool, string argumentsTemplate)
    {
        var seriesId = await CreateSeriesAsync("Stand-up", "2026-11-30T09:00", "2026-11-30T09:15", WeekdayRule);
        var monday = (string)(await ListAsync("2026-11-30", "2026-11-30")).Single()["id"]!;
        var writes = store.Writes;

        var (result, change) = await CallAsync(tool, argumentsTemplate.Replace("OCCURRENCE", monday, StringComparison.Ordinal).Replace("SERIES", seriesId, StringComparison.Ordinal));

        Assert.Equal("scope", (string)result["fields"]![0]!["field"]!);
        Assert.Null(change);
        Assert.Equal(writes, store.Writes);
        Assert.Equal(5, (await ListAsync("2026-11-30", "2026-12-04")).Count);
    }

    [Fact]
    public async Task Recurrence_on_a_single_event_makes_it_a_series_and_its_answer_has_no_scope()
    {
        var (created, _) = await CallAsync(CalendarTools.CreateEvent, """{"title":"Piano","start":"2026-12-01T17:00"}""");
        var id = (string)created["event"]!["id"]!;

        var (result, _) = await CallAsync(CalendarTools.UpdateEvent, $$"""{"eventId":"{{id}}","recurrence":["RRULE:FREQ=WEEKLY;COUNT=4"]}""");

        Assert.Null(result["scope"]);
        Assert.Equal(["RRULE:FREQ=WEEKLY;COUNT=4"], result["event"]!["recurrence"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(4, (await ListAsync("2026-11-30", "2027-01-31")).Count);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_named()
    {
        var (result, _) = await CallAsync(CalendarTools.CreateEvent, """{"title":42,"start":"2026-12-01T17:00"}""");

        Assert.Contains("JSON", (string)result["error"]!, StringComparison.Ordinal);
        Assert.Equal("title", (string)result["fields"]![0]!["field"]!);
    }

    private async Task<string> CreateSeriesAsync(string title, string start, string end, string rule)
    {
        var (result, _) = await CallAsync(CalendarTools.CreateEvent, $$"""{"title":"{{title}}","start":"{{start}}","end":"{{end}}","recurrence":["{{rule}}"]}""");
        return (string?)result["event"]?["id"] ?? throw new InvalidOperationException(result.ToJsonString());
    }

    private async Task<List<JsonObject>> ListAsync(string from, string to)
    {
        var (result, _) = await CallAsync(CalendarTools.ListEvents, $$"""{"from":"{{from}}","to":"{{to}}"}""");
        return [.. result["events"]!.AsArray().Select(e => e!.AsObject())];
    }

    private async Task<(JsonObject Result, ChatChange? Change)> CallAsync(string tool, string argumentsJson)
    {
        var execution = await tools.ExecuteAsync(User, Berlin, new ModelToolCall("call_1", tool, argumentsJson), CancellationToken.None);
        return (JsonNode.Parse(execution.ResultJson)!.AsObject(), execution.Change);
    }
}
