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
/// "Remind me 10 minutes before" as the model writes it: <c>reminders</c> on create_event and update_event, Google
/// Calendar's shape, run through the real calendar service over an in-memory Events table. Bad reminders are named
/// field by field, as the HTTP API names them, and change nothing.
/// </summary>
public sealed class ReminderToolCallTests
{
    private const string User = "user-1";
    private const string TenMinutesBefore = """{"useDefault":false,"overrides":[{"method":"popup","minutes":10}]}""";
    private static readonly ToolTimeFormat Berlin = new(IanaTimeZones.GetZone("Europe/Berlin"));

    private readonly InMemoryEventStore store = new();
    private readonly CalendarTools tools;

    public ReminderToolCallTests()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
        tools = new CalendarTools(new CalendarService(store, time, new CalendarOptions(), NullLogger<CalendarService>.Instance));
    }

    [Fact]
    public async Task Create_with_a_ten_minute_reminder_stores_the_events_own_reminder_and_shows_it_to_the_model()
    {
        var (result, change) = await CallAsync(CalendarTools.CreateEvent,
            $$"""{"title":"Dentist","start":"2026-12-01T15:00","reminders":{{TenMinutesBefore}}}""");

        Assert.Equal("created", (string)result["status"]!);
        var stored = Assert.Single(store.All(User));
        Assert.Equal([10], stored.Reminders!.Minutes);
        Assert.False(stored.Reminders.UseDefault);
        Assert.Equal(ChatChangeKind.Created, change!.Kind);
        Assert.Equal(
            """{"useDefault":false,"overrides":[{"method":"popup","minutes":10}]}""",
            result["event"]!["reminders"]!.ToJsonString());
    }

    [Fact]
    public async Task Create_without_reminders_uses_the_defaults_and_shows_none_of_its_own()
    {
        var (result, _) = await CallAsync(CalendarTools.CreateEvent, """{"title":"Dentist","start":"2026-12-01T15:00"}""");

        Assert.Null(Assert.Single(store.All(User)).Reminders);
        Assert.Null(result["event"]!["reminders"]);
    }

    [Fact]
    public async Task A_method_left_out_is_read_as_popup_and_use_default_true_means_the_defaults()
    {
        await CallAsync(CalendarTools.CreateEvent, """{"title":"A","start":"2026-12-01T15:00","reminders":{"useDefault":false,"overrides":[{"minutes":1440},{"minutes":0}]}}""");
        await CallAsync(CalendarTools.CreateEvent, """{"title":"B","start":"2026-12-02T15:00","reminders":{"useDefault":true}}""");
        await CallAsync(CalendarTools.CreateEvent, """{"title":"C","start":"2026-12-03T15:00","reminders":{"useDefault":false,"overrides":[]}}""");

        var byTitle = store.All(User).ToDictionary(e => e.Title, e => e.Reminders);
        Assert.Equal([1440, 0], byTitle["A"]!.Minutes);
        Assert.Null(byTitle["B"]);
        // No reminder at all is the event's own choice, not the defaults.
        Assert.Equal((false, 0), (byTitle["C"]!.UseDefault, byTitle["C"]!.Minutes.Count));
    }

    [Fact]
    public async Task Update_with_reminders_replaces_them_and_an_update_without_keeps_them()
    {
        var id = await CreateAsync("""{"title":"Dentist","start":"2026-12-01T15:00","reminders":{"useDefault":false,"overrides":[{"method":"popup","minutes":30}]}}""");

        await CallAsync(CalendarTools.UpdateEvent, $$"""{"eventId":"{{id}}","title":"Dentist (Dr. Weiss)"}""");
        Assert.Equal([30], store.All(User).Single().Reminders!.Minutes);

        var (result, change) = await CallAsync(CalendarTools.UpdateEvent,
            $$$"""{"eventId":"{{{id}}}","reminders":{"useDefault":false,"overrides":[{"method":"popup","minutes":30},{"method":"popup","minutes":10}]}}""");
        Assert.Equal("updated", (string)result["status"]!);
        var stored = store.All(User).Single();
        Assert.Equal([30, 10], stored.Reminders!.Minutes);
        Assert.Equal(3L, stored.Version);
        Assert.Equal((ChatChangeKind.Updated, 3L), (change!.Kind, change.Version));

        await CallAsync(CalendarTools.UpdateEvent, $$$"""{"eventId":"{{{id}}}","reminders":{"useDefault":true}}""");
        Assert.Null(store.All(User).Single().Reminders);
    }

    [Fact]
    public async Task Reminders_on_a_series_with_scope_all_reach_every_occurrence()
    {
        var seriesId = await CreateAsync("""{"title":"Stand-up","start":"2026-11-30T09:00","end":"2026-11-30T09:15","recurrence":["RRULE:FREQ=DAILY;COUNT=5"]}""");
        var (listed, _) = await CallAsync(CalendarTools.ListEvents, """{"from":"2026-12-02","to":"2026-12-02"}""");
        var wednesday = (string)listed["events"]![0]!["id"]!;

        await CallAsync(CalendarTools.UpdateEvent, $$"""{"eventId":"{{wednesday}}","reminders":{{TenMinutesBefore}},"scope":"all"}""");

        Assert.Equal([10], store.All(User).Single(e => e.EventId == seriesId).Reminders!.Minutes);
        var (after, _) = await CallAsync(CalendarTools.ListEvents, """{"from":"2026-11-30","to":"2026-12-04"}""");
        Assert.All(after["events"]!.AsArray(), e => Assert.Equal(10, (int)e!["reminders"]!["overrides"]![0]!["minutes"]!));
    }

    public static TheoryData<string, string> BadReminders() => new()
    {
        { """{"useDefault":false,"overrides":[{"method":"popup","minutes":-5}]}""", "reminders.overrides[0].minutes" },
        { """{"useDefault":false,"overrides":[{"method":"popup","minutes":40321}]}""", "reminders.overrides[0].minutes" },
        { """{"useDefault":false,"overrides":[{"method":"email","minutes":30}]}""", "reminders.overrides[0].method" },
        { """{"useDefault":false,"overrides":[{"minutes":10},{"minutes":10}]}""", "reminders.overrides[1].minutes" },
        { """{"useDefault":true,"overrides":[{"method":"popup","minutes":10}]}""", "reminders.overrides" },
        {
            """{"useDefault":false,"overrides":[{"minutes":1},{"minutes":2},{"minutes":3},{"minutes":4},{"minutes":5},{"minutes":6}]}""",
            "reminders.overrides"
        },
        { """{"useDefault":false,"overrides":[{"method":"popup","minutes":"ten"}]}""", "reminders.overrides[0].minutes" },
        { """{"useDefault":false,"overrides":{"method":"popup","minutes":10}}""", "reminders.overrides" },
        { "10", "reminders" },
    };

    [Theory]
    [MemberData(nameof(BadReminders))]
    public async Task A_bad_reminder_on_create_is_answered_with_its_field_and_changes_nothing(string remindersJson, string field)
    {
        var (result, change) = await CallAsync(CalendarTools.CreateEvent, $$"""{"title":"Dentist","start":"2026-12-01T15:00","reminders":{{remindersJson}}}""");

        Assert.Contains("not", (string)result["error"]!, StringComparison.Ordinal);
        Assert.Contains(field, result["fields"]!.AsArray().Select(f => (string)f!["field"]!));
        Assert.Null(change);
        Assert.Empty(store.All(User));
        Assert.Equal(0, store.Writes);
    }

    [Fact]
    public async Task A_bad_reminder_on_update_changes_nothing()
    {
        var id = await CreateAsync($$"""{"title":"Dentist","start":"2026-12-01T15:00","reminders":{{TenMinutesBefore}}}""");
        var writes = store.Writes;

        var (result, change) = await CallAsync(CalendarTools.UpdateEvent,
            $$$"""{"eventId":"{{{id}}}","title":"Moved","reminders":{"useDefault":false,"overrides":[{"method":"popup","minutes":50000}]}}""");

        Assert.Equal("The event was not changed.", (string)result["error"]!);
        Assert.Equal(["reminders.overrides[0].minutes"], result["fields"]!.AsArray().Select(f => (string)f!["field"]!));
        Assert.Null(change);
        Assert.Equal(writes, store.Writes);
        Assert.Equal(("Dentist", 1L), (store.All(User).Single().Title, store.All(User).Single().Version));
    }

    private async Task<string> CreateAsync(string argumentsJson)
    {
        var (result, _) = await CallAsync(CalendarTools.CreateEvent, argumentsJson);
        return (string?)result["event"]?["id"] ?? throw new InvalidOperationException(result.ToJsonString());
    }

    private async Task<(JsonObject Result, ChatChange? Change)> CallAsync(string tool, string argumentsJson)
    {
        var execution = await tools.ExecuteAsync(User, Berlin, new ModelToolCall("call_1", tool, argumentsJson), CancellationToken.None);
        return (JsonNode.Parse(execution.ResultJson)!.AsObject(), execution.Change);
    }
}
