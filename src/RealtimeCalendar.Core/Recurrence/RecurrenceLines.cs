using System.Globalization;
using RealtimeCalendar.Core.TimeZones;

namespace RealtimeCalendar.Core.Recurrence;

/// <summary>
/// Rewrites a checked <see cref="RecurrenceSet"/> into new <c>recurrence</c> lines for the edits a calendar makes:
/// ending a series before an occurrence and starting its remainder there (a "this and following" split), and
/// cancelling one occurrence with an EXDATE or taking that back (RFC 5545 sections 3.3.10, 3.8.5.1).
/// </summary>
public static class RecurrenceLines
{
    /// <summary>
    /// The lines of the part before <paramref name="split"/>: the RRULE ends with an inclusive UNTIL just before it (a
    /// UTC date-time one second earlier, or the day before for an all-day series) instead of COUNT or UNTIL, and only
    /// EXDATE and RDATE values before it stay.
    /// </summary>
    public static IReadOnlyList<string> Before(RecurrenceSet set, DateTimeOffset split, bool allDay)
    {
        var until = allDay
            ? split.UtcDateTime.Date.AddDays(-1).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            : split.UtcDateTime.AddSeconds(-1).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var rule = set.Rule is null ? null : WithPart(WithoutParts(set.Rule, "COUNT", "UNTIL"), "UNTIL", until);
        return Compose(rule, set.ExceptionDates.Where(d => Instant(d) < split), set.RecurrenceDates.Where(d => Instant(d) < split));
    }

    /// <summary>
    /// The lines of the part from <paramref name="split"/> on: the RRULE keeps its UNTIL, or its COUNT lowered by the
    /// <paramref name="occurrencesBefore"/> it already had; EXDATE and RDATE values from the split on.
    /// </summary>
    public static IReadOnlyList<string> From(RecurrenceSet set, DateTimeOffset split, int occurrencesBefore)
    {
        var rule = set.Rule;
        if (rule is not null && set.Count is { } count)
            rule = WithPart(WithoutParts(rule, "COUNT"), "COUNT", Math.Max(1, count - occurrencesBefore).ToString(CultureInfo.InvariantCulture));
        return Compose(rule, set.ExceptionDates.Where(d => Instant(d) >= split), set.RecurrenceDates.Where(d => Instant(d) >= split));
    }

    /// <summary>The lines with one more EXDATE: the occurrence originally at <paramref name="originalStart"/>, as wall time in the series' zone.</summary>
    public static IReadOnlyList<string> WithExceptionDate(RecurrenceSet set, DateTimeOffset originalStart, bool allDay, string timeZone)
    {
        return Compose(set.Rule, set.ExceptionDates.Append(Value(originalStart, allDay, timeZone)), set.RecurrenceDates);
    }

    /// <summary>
    /// The lines of a series whose start moves by <paramref name="shift"/>: UNTIL, EXDATE and RDATE values move with it,
    /// so a skipped occurrence stays skipped and the last one stays in when a meeting moves by half an hour.
    /// </summary>
    public static IReadOnlyList<string> Shifted(RecurrenceSet set, TimeSpan shift, bool allDay, string timeZone)
    {
        if (shift == TimeSpan.Zero)
            return set.Lines;
        var rule = set.Rule;
        if (rule is not null && set.Until is { } until)
        {
            var moved = Instant(until) + shift;
            var text = allDay
                ? moved.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                : moved.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            rule = WithPart(WithoutParts(rule, "UNTIL"), "UNTIL", text);
        }

        return Compose(rule, set.ExceptionDates.Select(d => Value(Instant(d) + shift, allDay, timeZone)), set.RecurrenceDates.Select(d => Value(Instant(d) + shift, allDay, timeZone)));
    }

    private static RecurrenceDateValue Value(DateTimeOffset instant, bool allDay, string timeZone)
    {
        if (allDay)
            return new(DateOnly.FromDateTime(instant.UtcDateTime), null, null);
        var local = NodaTime.Instant.FromDateTimeOffset(instant).InZone(IanaTimeZones.GetZone(timeZone)).LocalDateTime;
        return new(new DateOnly(local.Year, local.Month, local.Day), new TimeOnly(local.Hour, local.Minute, local.Second), timeZone);
    }

    /// <summary>
    /// The lines with <paramref name="values"/> added to the EXDATEs, each as written (its own TZID, UTC or date); a
    /// value naming an instant already excluded is left out.
    /// </summary>
    public static IReadOnlyList<string> WithExceptionDates(RecurrenceSet set, IEnumerable<RecurrenceDateValue> values)
    {
        var excluded = set.ExceptionDates.Select(Instant).ToHashSet();
        var added = values.Where(v => excluded.Add(Instant(v))).ToList();
        return Compose(set.Rule, set.ExceptionDates.Concat(added), set.RecurrenceDates);
    }

    /// <summary>The lines without any EXDATE value naming <paramref name="originalStart"/> (that occurrence takes place again).</summary>
    public static IReadOnlyList<string> WithoutExceptionDate(RecurrenceSet set, DateTimeOffset originalStart) =>
        Compose(set.Rule, set.ExceptionDates.Where(d => Instant(d) != originalStart), set.RecurrenceDates);

    private static DateTimeOffset Instant(RecurrenceDateValue value) => value.ToInstant().ToDateTimeOffset();

    private static List<string> Compose(string? rule, IEnumerable<RecurrenceDateValue> exceptions, IEnumerable<RecurrenceDateValue> additions)
    {
        var lines = new List<string>();
        if (rule is not null)
            lines.Add("RRULE:" + rule);
        lines.AddRange(DateLines("EXDATE", exceptions));
        lines.AddRange(DateLines("RDATE", additions));
        return lines;
    }

    // One line per kind of value (date, UTC, each zone), as RecurrenceParser writes them.
    private static IEnumerable<string> DateLines(string name, IEnumerable<RecurrenceDateValue> values) =>
        values
            .GroupBy(v => v.Time is null ? "" : v.TimeZone ?? "", StringComparer.Ordinal)
            .Select(group =>
            {
                var head = group.Key switch
                {
                    "" => $"{name};VALUE=DATE",
                    "UTC" => name,
                    var zone => $"{name};TZID={zone}",
                };
                return $"{head}:{string.Join(',', group.Distinct())}";
            });

    private static string WithoutParts(string rule, params string[] names) =>
        string.Join(';', rule.Split(';').Where(part => !names.Any(n => part.StartsWith(n + "=", StringComparison.Ordinal))));

    private static string WithPart(string rule, string name, string value) => $"{rule};{name}={value}";
}
