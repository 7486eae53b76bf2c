using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using IcalCalendar = Ical.Net.Calendar;

namespace RealtimeCalendar.StandIns.Google;

/// <summary>
/// How the Google stand-in reads a recurring event, as Calendar v3 documents it: <c>recurrence</c> holds RFC 5545
/// RRULE, EXRULE, RDATE and EXDATE lines (DTSTART and DTEND are not allowed: the event's <c>start</c>/<c>end</c> give
/// them), a timed series needs <c>start.timeZone</c> (the zone the rule is expanded in), and an instance's id is the
/// series id, <c>_</c>, and its original start (<c>yyyyMMdd'T'HHmmss'Z'</c>, or <c>yyyyMMdd</c> for an all-day series).
/// Expansion is Ical.Net reading the lines as iCalendar text, independent of the app's own recurrence parser, so a
/// rule the app mis-reads is not mis-read here the same way.
/// </summary>
internal static class RecurringEvents
{
    private const string TimedSuffix = "yyyyMMdd'T'HHmmss'Z'";
    private const string DateSuffix = "yyyyMMdd";
    private static readonly string[] LineNames = ["RRULE", "EXRULE", "RDATE", "EXDATE"];

    public static bool IsSeries(JsonObject e) => e["recurrence"] is JsonArray { Count: > 0 } && e["recurringEventId"] is null;

    public static bool IsAllDay(JsonObject e) => e["start"]?["date"] is not null;

    /// <summary>The id Google gives the instance of <paramref name="seriesId"/> that the rule starts at <paramref name="originalStart"/>.</summary>
    public static string InstanceId(string seriesId, DateTimeOffset originalStart, bool allDay) =>
        seriesId + "_" + originalStart.UtcDateTime.ToString(allDay ? DateSuffix : TimedSuffix, CultureInfo.InvariantCulture);

    /// <summary>Splits an instance id into its series id and original start (UTC; midnight UTC for a date).</summary>
    public static bool TryParseInstanceId(string id, out string seriesId, out DateTimeOffset originalStart, out bool allDay)
    {
        seriesId = string.Empty;
        originalStart = default;
        allDay = false;
        var underscore = id.LastIndexOf('_');
        if (underscore <= 0)
            return false;
        var suffix = id[(underscore + 1)..];
        allDay = suffix.Length == DateSuffix.Length;
        // Case matters: Google answers 404 for the lowercase spelling some listings used to show (…_20201107t070000z).
        if (!DateTimeOffset.TryParseExact(suffix, allDay ? DateSuffix : TimedSuffix, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out originalStart))
            return false;
        seriesId = id[..underscore];
        return true;
    }

    /// <summary>Google's checks of a series' <c>recurrence</c> on insert, patch and update; null when it is acceptable.</summary>
    public static string? Problem(JsonObject e)
    {
        if (e["recurrence"] is not JsonArray lines || lines.Count == 0)
            return null;
        if (e["recurringEventId"] is not null)
            return "Invalid recurrence rule.";
        foreach (var line in lines)
        {
            if (line is not JsonValue value || !value.TryGetValue<string>(out var text) || !LineNames.Any(n => text.StartsWith(n + ":", StringComparison.OrdinalIgnoreCase) || text.StartsWith(n + ";", StringComparison.OrdinalIgnoreCase)))
                return "Invalid recurrence rule.";
        }

        if (!IsAllDay(e) && e["start"]?["timeZone"] is null)
            return "Missing time zone definition for start time.";
        try
        {
            // Reading the text is lenient; the first expansion is where a rule Ical.Net cannot evaluate fails.
            _ = Component(e).GetOccurrences(null, new EvaluationOptions { MaxUnmatchedIncrementsLimit = 2_000 }).Take(1).ToList();
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Ical.Net throws a variety of types on text it cannot read; to an API client each is the same 400.
            return "Invalid recurrence rule.";
        }
    }

    /// <summary>True when the series' rule (with its EXDATEs, RDATEs) starts an instance exactly at <paramref name="originalStart"/>.</summary>
    public static bool OccursAt(JsonObject series, DateTimeOffset originalStart)
    {
        var allDay = IsAllDay(series);
        var from = allDay
            ? new CalDateTime(originalStart.Year, originalStart.Month, originalStart.Day)
            : new CalDateTime(originalStart.UtcDateTime, "UTC");
        var options = new EvaluationOptions { MaxUnmatchedIncrementsLimit = 2_000 };
        try
        {
            foreach (var occurrence in Component(series).GetOccurrences(from, options))
            {
                var start = occurrence.Period.StartTime;
                var instant = allDay
                    ? new DateTimeOffset(start.Year, start.Month, start.Day, 0, 0, 0, TimeSpan.Zero)
                    : new DateTimeOffset(DateTime.SpecifyKind(start.AsUtc, DateTimeKind.Utc));
                if (instant >= originalStart)
                    return instant == originalStart;
            }
        }
        catch (EvaluationLimitExceededException)
        {
            // The rule ran dry before reaching the instant.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A series stored as given (PutInGoogle) may hold lines Ical.Net cannot read: it has no instances to address.
        }

        return false;
    }

    /// <summary>Google's <c>originalStartTime</c> of an instance: <c>{date}</c> for an all-day series, else <c>{dateTime, timeZone}</c>.</summary>
    public static JsonObject OriginalStartTime(JsonObject series, DateTimeOffset originalStart) => IsAllDay(series)
        ? new JsonObject { ["date"] = originalStart.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
        : new JsonObject { ["dateTime"] = originalStart.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), ["timeZone"] = series["start"]?["timeZone"]?.DeepClone() };

    /// <summary>The start and end of the instance at <paramref name="originalStart"/>, shaped like the series' own (same length).</summary>
    public static (JsonObject Start, JsonObject End) InstanceTimes(JsonObject series, DateTimeOffset originalStart)
    {
        if (IsAllDay(series))
        {
            var first = DateOnly.ParseExact((string)series["start"]!["date"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var last = DateOnly.ParseExact((string)series["end"]!["date"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var day = DateOnly.FromDateTime(originalStart.UtcDateTime);
            return (new JsonObject { ["date"] = Day(day) }, new JsonObject { ["date"] = Day(day.AddDays(last.DayNumber - first.DayNumber)) });
        }

        var length = Instant(series["end"]!) - Instant(series["start"]!);
        var zone = series["start"]?["timeZone"];
        return (
            new JsonObject { ["dateTime"] = Rfc3339(originalStart), ["timeZone"] = zone?.DeepClone() },
            new JsonObject { ["dateTime"] = Rfc3339(originalStart + length), ["timeZone"] = series["end"]?["timeZone"]?.DeepClone() ?? zone?.DeepClone() });
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Rfc3339(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(JsonNode time) => DateTimeOffset.Parse((string)time["dateTime"]!, CultureInfo.InvariantCulture);

    // The series as one VEVENT: DTSTART from start (local time in start.timeZone, or a date), then the recurrence lines.
    private static Ical.Net.CalendarComponents.CalendarEvent Component(JsonObject e)
    {
        var text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//stand-in//EN\r\nBEGIN:VEVENT\r\nUID:series\r\n");
        if (IsAllDay(e))
        {
            var date = DateOnly.ParseExact((string)e["start"]!["date"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"DTSTART;VALUE=DATE:{date:yyyyMMdd}\r\n");
        }
        else
        {
            var zone = (string)e["start"]!["timeZone"]!;
            var utc = new CalDateTime(Instant(e["start"]!).UtcDateTime, "UTC");
            var local = utc.ToTimeZone(zone);
            text.Append(CultureInfo.InvariantCulture, $"DTSTART;TZID={zone}:{local.Year:D4}{local.Month:D2}{local.Day:D2}T{local.Hour:D2}{local.Minute:D2}{local.Second:D2}\r\n");
        }

        foreach (var line in e["recurrence"]!.AsArray())
        {
            var value = (string)line!;
            if (value.Contains('\r') || value.Contains('\n'))
                throw new FormatException("A recurrence line holds a line break.");
            text.Append(value).Append("\r\n");
        }

        text.Append("END:VEVENT\r\nEND:VCALENDAR\r\n");
        var calendar = IcalCalendar.Load(text.ToString()) ?? throw new FormatException("Not iCalendar text.");
        return calendar.Events.Single();
    }
}
