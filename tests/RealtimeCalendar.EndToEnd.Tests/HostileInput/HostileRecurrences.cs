using System.Text.Json.Nodes;
using CsCheck;

namespace RealtimeCalendar.EndToEnd.Tests.HostileInput;

/// <summary>
/// Generators of hostile <c>recurrence</c> values for a timed series starting 2027-01-04 09:00 Europe/Berlin. Each case
/// carries at least one defect that makes it invalid on its own (so a 2xx is always a bug), mixed with valid lines so
/// the defect is not the only thing in the array.
/// </summary>
internal static class HostileRecurrences
{
    /// <summary>Lines that are each refused, labelled with what is wrong.</summary>
    private static readonly (string Defect, JsonNode? Line)[] BadLines =
    [
        ("unknown FREQ", "RRULE:FREQ=FORTNIGHTLY"),
        ("HOURLY", "RRULE:FREQ=HOURLY;COUNT=5"),
        ("MINUTELY", "RRULE:FREQ=MINUTELY;INTERVAL=15"),
        ("SECONDLY", "RRULE:FREQ=SECONDLY"),
        ("COUNT with UNTIL", "RRULE:FREQ=DAILY;COUNT=3;UNTIL=20270301T000000Z"),
        ("BYDAY ordinal past 5 in a month", "RRULE:FREQ=MONTHLY;BYDAY=6MO"),
        ("BYDAY ordinal past 53 in a year", "RRULE:FREQ=YEARLY;BYDAY=54MO"),
        ("BYDAY ordinal on a weekly rule", "RRULE:FREQ=WEEKLY;BYDAY=1MO"),
        ("BYDAY ordinal zero", "RRULE:FREQ=MONTHLY;BYDAY=0FR"),
        ("never occurs", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"),
        ("UNTIL before the start", "RRULE:FREQ=DAILY;UNTIL=20261231T000000Z"),
        ("UNTIL as a floating time", "RRULE:FREQ=DAILY;UNTIL=20270301T000000"),
        ("UNTIL as a date on a timed series", "RRULE:FREQ=DAILY;UNTIL=20270301"),
        ("COUNT zero", "RRULE:FREQ=DAILY;COUNT=0"),
        ("COUNT past the limit", "RRULE:FREQ=DAILY;COUNT=5001"),
        ("INTERVAL zero", "RRULE:FREQ=DAILY;INTERVAL=0"),
        ("INTERVAL negative", "RRULE:FREQ=DAILY;INTERVAL=-2"),
        ("BYHOUR", "RRULE:FREQ=DAILY;BYHOUR=9,17"),
        ("unknown rule part", "RRULE:FREQ=DAILY;COLOR=RED"),
        ("part given twice", "RRULE:FREQ=DAILY;FREQ=WEEKLY"),
        ("no FREQ", "RRULE:COUNT=3"),
        ("BYMONTHDAY 32", "RRULE:FREQ=MONTHLY;BYMONTHDAY=32"),
        ("BYMONTH 13", "RRULE:FREQ=YEARLY;BYMONTH=13"),
        ("BYSETPOS alone", "RRULE:FREQ=MONTHLY;BYSETPOS=1"),
        ("BYMONTHDAY on a weekly rule", "RRULE:FREQ=WEEKLY;BYMONTHDAY=1"),
        ("WKST not a weekday", "RRULE:FREQ=WEEKLY;WKST=XX"),
        ("RRULE with parameters", "RRULE;X-FOO=1:FREQ=DAILY"),
        ("EXRULE", "EXRULE:FREQ=WEEKLY"),
        ("unknown line", "VEVENT:BEGIN"),
        ("empty line", ""),
        ("blank line", "   "),
        ("control characters", "RRULE:FREQ=DAILY\r\nATTENDEE:evil@example.com"),
        ("EXDATE with an unknown zone", "EXDATE;TZID=Mars/Olympus:20270111T090000"),
        ("EXDATE floating", "EXDATE:20270111T090000"),
        ("EXDATE as a date on a timed series", "EXDATE;VALUE=DATE:20270111"),
        ("EXDATE not a date", "EXDATE;TZID=Europe/Berlin:next-monday"),
        ("RDATE year 0001", "RDATE:00010101T000000Z"),
        ("RDATE VALUE=DATE with TZID", "RDATE;VALUE=DATE;TZID=Europe/Berlin:20270111"),
        ("line over 4000 characters", "RRULE:FREQ=DAILY;" + new string('X', 4_100)),
        ("a number, not a line", 42),
        ("null line", null),
        ("an object, not a line", new JsonObject { ["rrule"] = "FREQ=DAILY" }),
        ("a nested array", new JsonArray("RRULE:FREQ=DAILY")),
    ];

    private static readonly string[] GoodLines =
    [
        "EXDATE;TZID=Europe/Berlin:20270111T090000",
        "RDATE:20270113T080000Z",
        "EXDATE:20270118T080000Z",
    ];

    /// <summary>Whole arrays that are refused as a whole.</summary>
    private static readonly (string Defect, JsonNode Value)[] BadArrays =
    [
        ("empty array", new JsonArray()),
        ("two RRULEs", new JsonArray("RRULE:FREQ=DAILY", "RRULE:FREQ=WEEKLY")),
        ("51 lines", new JsonArray([.. Enumerable.Range(0, 51).Select(i => (JsonNode)$"EXDATE:2027{1 + (i % 12):00}15T080000Z")])),
        ("501 EXDATE values", new JsonArray("RRULE:FREQ=DAILY", "EXDATE:" + string.Join(',', Enumerable.Range(0, 501).Select(i => new DateTime(2027, 2, 1).AddDays(i).ToString("yyyyMMdd'T'080000'Z'", System.Globalization.CultureInfo.InvariantCulture))))),
        // Both the series' first two days and those of its third occurrence (where scope=following starts the new series).
        ("every occurrence excluded", new JsonArray("RRULE:FREQ=DAILY;COUNT=2", "EXDATE;TZID=Europe/Berlin:20270104T090000,20270105T090000,20270118T090000,20270119T090000")),
        ("a string, not an array", "RRULE:FREQ=DAILY"),
        ("an object, not an array", new JsonObject { ["RRULE"] = "FREQ=DAILY" }),
        ("a number, not an array", 7),
    ];

    /// <summary>A hostile recurrence value and what is wrong with it.</summary>
    public static readonly Gen<(string Defect, JsonNode Value)> Any = Gen.Frequency(
        (3, Gen.Select(Gen.OneOf(BadLines), Gen.OneOf(GoodLines).Array[0, 2], Gen.Int[0, 2], Gen.Bool, (bad, noise, position, withRule) =>
        {
            var lines = new List<JsonNode?>(noise.Select(l => (JsonNode)l));
            if (withRule && !bad.Defect.Contains("FREQ", StringComparison.Ordinal))
                lines.Insert(0, "RRULE:FREQ=WEEKLY;BYDAY=MO");
            lines.Insert(Math.Min(position, lines.Count), bad.Line?.DeepClone());
            return (bad.Defect, (JsonNode)new JsonArray([.. lines]));
        })),
        (1, Gen.OneOf(BadArrays).Select(b => (b.Defect, b.Value.DeepClone()))));
}
