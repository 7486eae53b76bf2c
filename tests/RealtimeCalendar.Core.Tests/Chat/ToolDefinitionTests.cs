using System.Text.Json;
using System.Text.RegularExpressions;
using RealtimeCalendar.Core.Chat.Tools;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Recurrence;

namespace RealtimeCalendar.Core.Tests.Chat;

/// <summary>What the model is told about repeating events: the schemas' fields, and examples the calendar accepts.</summary>
public sealed partial class ToolDefinitionTests
{
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
}
