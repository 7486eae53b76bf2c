using System.Text.Json;
using System.Text.RegularExpressions;
using RealtimeCalendar.Core.Chat.Tools;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Recurrence;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Core.Tests.Chat;

/// <summary>What the model is told about repeating events: the schemas' fields, and examples the calendar accepts.</summary>
public sealed partial class ToolDefinitionTests
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData(CalendarTools.CreateEvent)]
    [InlineData(CalendarTools.UpdateEvent)]
    public void Create_and_update_take_recurrence_as_an_array_of_strings(string tool)
    {
        var recurrence = Properties(tool).GetProperty("recurrence");

        Assert.Equal("array", recurrence.GetProperty("type").GetString());
        Assert.Equal("string", recurrence.GetProperty("items").GetProperty("type").GetString());
        var description = recurrence.GetProperty("description").GetString()!;
        Assert.Contains("UNTIL is UTC", description, StringComparison.Ordinal);
        Assert.Contains("BYDAY=MO,TH", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CalendarTools.UpdateEvent)]
    [InlineData(CalendarTools.DeleteEvent)]
    public void Update_and_delete_take_scope_this_following_or_all(string tool)
    {
        var scope = Properties(tool).GetProperty("scope");

        Assert.Equal(["this", "following", "all"], scope.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void Every_rule_the_description_teaches_is_accepted_by_the_calendar()
    {
        var description = Properties(CalendarTools.CreateEvent).GetProperty("recurrence").GetProperty("description").GetString()!;
        var examples = ExampleLine().Matches(description).Select(m => m.Groups[1].Value).ToList();

        Assert.True(examples.Count >= 5, string.Join(" | ", examples));
        foreach (var line in examples)
        {
            var errors = new List<ValidationError>();
            var parsed = RecurrenceParser.Parse([line], errors);
            Assert.True(parsed is not null, $"{line}: {string.Join("; ", errors.Select(e => e.Message))}");
        }
    }

    [Theory]
    [InlineData(CalendarTools.CreateEvent)]
    [InlineData(CalendarTools.UpdateEvent)]
    public void Create_and_update_take_reminders_in_google_calendars_shape_within_its_limits(string tool)
    {
        var reminders = Properties(tool).GetProperty("reminders");

        Assert.Equal("object", reminders.GetProperty("type").GetString());
        Assert.Equal("boolean", reminders.GetProperty("properties").GetProperty("useDefault").GetProperty("type").GetString());
        var overrides = reminders.GetProperty("properties").GetProperty("overrides");
        Assert.Equal(ReminderLimits.MaxReminders, overrides.GetProperty("maxItems").GetInt32());
        var entry = overrides.GetProperty("items").GetProperty("properties");
        Assert.Equal(["popup"], entry.GetProperty("method").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal((0, ReminderLimits.MaxMinutes), (entry.GetProperty("minutes").GetProperty("minimum").GetInt32(), entry.GetProperty("minutes").GetProperty("maximum").GetInt32()));
        Assert.Contains("remind me 10 minutes before", reminders.GetProperty("description").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_reminders_example_the_description_teaches_is_accepted_by_the_calendar()
    {
        var description = Properties(CalendarTools.CreateEvent).GetProperty("reminders").GetProperty("description").GetString()!;
        var examples = RemindersExample().Matches(description).Select(m => m.Value).ToList();

        Assert.True(examples.Count >= 3, string.Join(" | ", examples));
        foreach (var example in examples)
        {
            var reminders = JsonSerializer.Deserialize<EventReminders>(example, WebJson)!;
            var errors = new List<ValidationError>();
            ReminderValidator.Check(reminders, "reminders", errors);
            Assert.True(errors.Count == 0, $"{example}: {string.Join("; ", errors.Select(e => e.Message))}");
        }
    }

    [Fact]
    public void Every_schema_is_a_closed_json_object()
    {
        foreach (var tool in CalendarTools.Definitions)
        {
            using var schema = JsonDocument.Parse(tool.ParametersSchemaJson);
            Assert.Equal("object", schema.RootElement.GetProperty("type").GetString());
            Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
        }
    }

    private static JsonElement Properties(string tool) =>
        JsonDocument.Parse(CalendarTools.Definitions.Single(d => d.Name == tool).ParametersSchemaJson).RootElement.GetProperty("properties").Clone();

    [GeneratedRegex("""\["(RRULE:[^"]+)"\]""")]
    private static partial Regex ExampleLine();

    /// <summary>A reminders object written out in the description: <c>{"useDefault":…}</c>, overrides and all.</summary>
    [GeneratedRegex("""\{"useDefault":(true|false)(,"overrides":\[[^\]]*\])?\}""")]
    private static partial Regex RemindersExample();
}
