using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;

namespace RealtimeCalendar.EndToEnd.Tests.HostileInput;

/// <summary>
/// Generated Google events as Google Calendar can hold them: random mixes of <c>date</c>/<c>dateTime</c>, zones
/// (real, unknown, missing), lengths (zero, negative, years), event types, summaries of any Unicode and any length.
/// </summary>
internal static class HostileGoogleEvents
{
    private static readonly string[] EventTypes = ["default", "outOfOffice", "focusTime", "workingLocation", "birthday", "fromGmail", "someFutureType", ""];
    private static readonly string?[] Zones = ["Europe/Berlin", "America/St_Johns", "Asia/Kathmandu", "UTC", "Mars/Olympus", "", null, "+02:00", "Europe//Berlin"];
    private static readonly string[] Pieces =
        ["a", "Ω", "日本", "\U0001F389", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F1E9\U0001F1EA", "e\u0301", "\u200B", "\n", "\t", "\u0000", "\u202E", " ", "<b>", "\"", "\\"];

    private static readonly Gen<string> Text =
        Gen.Select(Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 40], Gen.Int[0, 3], (parts, repeat) =>
            string.Concat(Enumerable.Repeat(string.Concat(parts), repeat == 3 ? 300 : repeat + 1)));

    private static readonly Gen<DateTimeOffset> Instant =
        Gen.Select(Gen.Int[-40_000, 40_000], Gen.Int[-14, 14], (minutes, offset) =>
            new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(offset)).AddMinutes(minutes * 7));

    private static readonly Gen<TimeSpan> Length = Gen.OneOf(
        Gen.Const(TimeSpan.Zero), Gen.Int[-120, -1].Select(m => TimeSpan.FromMinutes(m)), Gen.Int[1, 600].Select(m => TimeSpan.FromMinutes(m)),
        Gen.Int[1, 900].Select(d => TimeSpan.FromDays(d)));

    public static readonly Gen<JsonObject> Event = Gen.Select(
        Gen.Bool, Instant, Length, Gen.Int[0, Zones.Length - 1].Select(i => Zones[i]), Gen.Int[0, EventTypes.Length - 1].Select(i => EventTypes[i]), Text, Text, Gen.Int[0, 9])
        .Select(x => Build(x.Item1, x.Item2, x.Item3, x.Item4, x.Item5, x.Item6, x.Item7, x.Item8));

    private static JsonObject Build(bool allDay, DateTimeOffset start, TimeSpan length, string? zone, string eventType, string summary, string description, int quirk)
    {
        var end = start + length;
        JsonObject Time(DateTimeOffset at) => allDay
            ? new JsonObject { ["date"] = at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
            : new JsonObject { ["dateTime"] = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), ["timeZone"] = zone };
        var e = new JsonObject { ["summary"] = summary, ["description"] = description, ["location"] = summary, ["start"] = Time(start), ["end"] = Time(end) };
        if (eventType.Length > 0)
            e["eventType"] = eventType;
        switch (quirk)
        {
            case 0:
                e["endTimeUnspecified"] = true;
                break;
            case 1:
                e.Remove("end");
                break;
            case 2:
                // Both kinds at once: Google refuses to store it, but a listing is what we must survive.
                e["start"]!["date"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case 3:
                e["recurrence"] = new JsonArray("RRULE:FREQ=WEEKLY");
                break;
            case 4:
                e["status"] = "tentative";
                break;
        }

        return e;
    }
}
