using System.Globalization;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Text;
using RealtimeCalendar.Core.TimeZones;

namespace RealtimeCalendar.Core.Recurrence;

/// <summary>
/// Reads a series' <c>recurrence</c> (Google Calendar API v3: an array of RFC 5545 lines) and checks each line more
/// strictly than RFC 5545 alone, because every accepted rule costs expansion on every range query:
/// one RRULE at most (RFC 5545 section 3.3.10 grammar, FREQ DAILY to YEARLY), EXDATE and RDATE values
/// (sections 3.8.5.1, 3.8.5.2) with a known TZID, UTC or <c>VALUE=DATE</c>, and the bounds in
/// <see cref="RecurrenceLimits"/>. Every problem is reported as a <see cref="ValidationError"/> whose field names
/// the line (<c>recurrence[1]</c>) and whose message names the part.
/// </summary>
/// <remarks>Expansion is not done here: <see cref="SeriesSchedule"/> hands the checked rule to Ical.Net.</remarks>
public static class RecurrenceParser
{
    private static readonly string[] WeekDays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>
    /// Parses <paramref name="lines"/>; adds one error per problem to <paramref name="errors"/> and returns null when
    /// there was any.
    /// </summary>
    public static RecurrenceSet? Parse(IReadOnlyList<string?> lines, List<ValidationError> errors)
    {
        var before = errors.Count;
        if (lines.Count == 0)
        {
            errors.Add(new("recurrence", "A recurrence needs an RRULE or RDATE line; leave the field out for a single event."));
            return null;
        }

        if (lines.Count > RecurrenceLimits.MaxLines)
        {
            errors.Add(new("recurrence", $"At most {RecurrenceLimits.MaxLines} recurrence lines are allowed."));
            return null;
        }

        var canonical = new List<string>(lines.Count);
        string? rule = null;
        var parsedRule = default(ParsedRule);
        var exceptions = new List<RecurrenceDateValue>();
        var additions = new List<RecurrenceDateValue>();

        for (var i = 0; i < lines.Count; i++)
        {
            var field = $"recurrence[{i}]";
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                errors.Add(new(field, "A recurrence line may not be empty."));
                continue;
            }

            if (line.Length > RecurrenceLimits.MaxLineLength)
            {
                errors.Add(new(field, $"A recurrence line may be at most {RecurrenceLimits.MaxLineLength} characters."));
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var head = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            var headParts = head.Split(';');
            var name = headParts[0].ToUpperInvariant();
            switch (name)
            {
                case "RRULE":
                    if (rule is not null)
                    {
                        errors.Add(new(field, "Only one RRULE is allowed per series."));
                        continue;
                    }

                    if (headParts.Length > 1)
                    {
                        errors.Add(new(field, "RRULE takes no parameters."));
                        continue;
                    }

                    if (ParseRule(value, field, errors) is { } parsed)
                    {
                        parsedRule = parsed;
                        rule = parsed.Text;
                        canonical.Add("RRULE:" + parsed.Text);
                    }
                    else
                    {
                        rule = "";
                    }

                    break;
                case "EXDATE" or "RDATE":
                    var target = name == "EXDATE" ? exceptions : additions;
                    if (ParseDates(name, headParts.AsSpan(1), value, field, errors) is { } dates)
                    {
                        target.AddRange(dates.Values);
                        canonical.Add(dates.CanonicalLine);
                    }

                    break;
                case "EXRULE":
                    errors.Add(new(field, "EXRULE is deprecated by RFC 5545 and not supported; list the dates to skip in EXDATE."));
                    break;
                default:
                    errors.Add(new(field, $"Unknown recurrence line '{Shorten(name)}'; expected RRULE, EXDATE or RDATE."));
                    break;
            }
        }

        if (exceptions.Count + additions.Count > RecurrenceLimits.MaxDateEntries)
            errors.Add(new("recurrence", $"EXDATE and RDATE may hold at most {RecurrenceLimits.MaxDateEntries} dates together."));
        if (rule is null && additions.Count == 0 && errors.Count == before)
            errors.Add(new("recurrence", "A recurrence needs an RRULE or RDATE line."));

        if (errors.Count > before)
            return null;

        return new RecurrenceSet(canonical, rule, parsedRule.Frequency, parsedRule.Count, parsedRule.Until, exceptions, additions);
    }

    private readonly record struct ParsedRule(string Text, RecurrenceFrequency? Frequency, int? Count, RecurrenceDateValue? Until);

    private sealed record ParsedDates(IReadOnlyList<RecurrenceDateValue> Values, string CanonicalLine);

    private static ParsedRule? ParseRule(string value, string field, List<ValidationError> errors)
    {
        var before = errors.Count;
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var part in value.Split(';'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == part.Length - 1)
            {
                errors.Add(new(field, $"RRULE part '{Shorten(part)}' is not NAME=VALUE."));
                continue;
            }

            var key = part[..eq].ToUpperInvariant();
            if (!parts.TryAdd(key, part[(eq + 1)..].ToUpperInvariant()))
                errors.Add(new(field, $"RRULE part {Shorten(key)} is given twice."));
            else
                order.Add(key);
        }

        if (errors.Count > before)
            return null;

        RecurrenceFrequency? frequency = null;
        if (!parts.TryGetValue("FREQ", out var freq))
        {
            errors.Add(new(field, "RRULE needs a FREQ part (DAILY, WEEKLY, MONTHLY or YEARLY)."));
        }
        else
        {
            frequency = freq switch
            {
                "DAILY" => RecurrenceFrequency.Daily,
                "WEEKLY" => RecurrenceFrequency.Weekly,
                "MONTHLY" => RecurrenceFrequency.Monthly,
                "YEARLY" => RecurrenceFrequency.Yearly,
                _ => null,
            };
            if (frequency is null)
            {
                errors.Add(new(field, freq is "SECONDLY" or "MINUTELY" or "HOURLY"
                    ? $"RRULE part FREQ: {freq} is not allowed; a calendar series repeats at most DAILY."
                    : $"RRULE part FREQ: '{Shorten(freq)}' is not a frequency; use DAILY, WEEKLY, MONTHLY or YEARLY."));
            }
        }

        int? count = null;
        RecurrenceDateValue? until = null;
        foreach (var key in order)
        {
            var text = parts[key];
            switch (key)
            {
                case "FREQ":
                    break;
                case "COUNT":
                    count = ParseInteger(text, 1, RecurrenceLimits.MaxCount, "COUNT", field, errors);
                    break;
                case "INTERVAL":
                    ParseInteger(text, 1, RecurrenceLimits.MaxInterval, "INTERVAL", field, errors);
                    break;
                case "UNTIL":
                    until = ParseUntil(text, field, errors);
                    break;
                case "BYDAY":
                    CheckByDay(text, frequency, parts.ContainsKey("BYWEEKNO"), field, errors);
                    break;
                case "BYMONTHDAY":
                    if (frequency == RecurrenceFrequency.Weekly)
                        errors.Add(new(field, "RRULE part BYMONTHDAY may not be used with FREQ=WEEKLY (RFC 5545 section 3.3.10)."));
                    CheckList(text, 31, signed: true, "BYMONTHDAY", field, errors);
                    break;
                case "BYYEARDAY":
                    if (frequency is RecurrenceFrequency.Daily or RecurrenceFrequency.Weekly or RecurrenceFrequency.Monthly)
                        errors.Add(new(field, "RRULE part BYYEARDAY may only be used with FREQ=YEARLY (RFC 5545 section 3.3.10)."));
                    CheckList(text, 366, signed: true, "BYYEARDAY", field, errors);
                    break;
                case "BYWEEKNO":
                    if (frequency is not RecurrenceFrequency.Yearly)
                        errors.Add(new(field, "RRULE part BYWEEKNO may only be used with FREQ=YEARLY (RFC 5545 section 3.3.10)."));
                    CheckList(text, 53, signed: true, "BYWEEKNO", field, errors);
                    break;
                case "BYMONTH":
                    CheckList(text, 12, signed: false, "BYMONTH", field, errors);
                    break;
                case "BYSETPOS":
                    if (!order.Any(k => k.StartsWith("BY", StringComparison.Ordinal) && k != "BYSETPOS"))
                        errors.Add(new(field, "RRULE part BYSETPOS needs another BYxxx part to select from (RFC 5545 section 3.3.10)."));
                    CheckList(text, 366, signed: true, "BYSETPOS", field, errors);
                    break;
                case "WKST":
                    if (!WeekDays.Contains(text))
                        errors.Add(new(field, $"RRULE part WKST: '{Shorten(text)}' is not a weekday (MO..SU)."));
                    break;
                case "BYHOUR" or "BYMINUTE" or "BYSECOND":
                    errors.Add(new(field, $"RRULE part {key} is not supported: a series' time of day comes from its start."));
                    break;
                default:
                    errors.Add(new(field, $"RRULE part '{Shorten(key)}' is not an RFC 5545 rule part."));
                    break;
            }
        }

        if (count is not null && until is not null)
            errors.Add(new(field, "RRULE may have COUNT or UNTIL, not both (RFC 5545 section 3.3.10)."));

        return errors.Count > before ? null : new ParsedRule(string.Join(';', order.Select(k => $"{k}={parts[k]}")), frequency, count, until);
    }

    private static void CheckByDay(string text, RecurrenceFrequency? frequency, bool withWeekNumbers, string field, List<ValidationError> errors)
    {
        foreach (var entry in text.Split(','))
        {
            var day = entry.Length >= 2 ? entry[^2..] : entry;
            var ordinalText = entry.Length >= 2 ? entry[..^2] : "";
            if (!WeekDays.Contains(day) || (ordinalText.Length > 0 && !int.TryParse(ordinalText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
            {
                errors.Add(new(field, $"RRULE part BYDAY: '{Shorten(entry)}' is not a weekday such as MO, 2TU or -1FR."));
                continue;
            }

            if (ordinalText.Length == 0)
                continue;

            var ordinal = int.Parse(ordinalText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            var (limit, allowed) = frequency switch
            {
                RecurrenceFrequency.Monthly => (5, true),
                RecurrenceFrequency.Yearly => (53, !withWeekNumbers),
                _ => (0, false),
            };
            if (!allowed)
                errors.Add(new(field, $"RRULE part BYDAY: '{entry}' has an ordinal, which only FREQ=MONTHLY or FREQ=YEARLY without BYWEEKNO allows (RFC 5545 section 3.3.10)."));
            else if (ordinal == 0 || Math.Abs(ordinal) > limit)
                errors.Add(new(field, $"RRULE part BYDAY: ordinal {ordinal} in '{entry}' is out of range (-{limit}..-1 or 1..{limit})."));
        }
    }

    private static void CheckList(string text, int limit, bool signed, string part, string field, List<ValidationError> errors)
    {
        foreach (var entry in text.Split(','))
        {
            var ok = int.TryParse(entry, signed ? NumberStyles.AllowLeadingSign : NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && n != 0 && Math.Abs(n) <= limit && (signed || n > 0);
            if (!ok)
            {
                errors.Add(new(field, signed
                    ? $"RRULE part {part}: '{Shorten(entry)}' is out of range (-{limit}..-1 or 1..{limit})."
                    : $"RRULE part {part}: '{Shorten(entry)}' is out of range (1..{limit})."));
            }
        }
    }

    private static int? ParseInteger(string text, int min, int max, string part, string field, List<ValidationError> errors)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            return n;
        errors.Add(new(field, $"RRULE part {part}: '{Shorten(text)}' must be a whole number from {min} to {max}."));
        return null;
    }

    // RFC 5545 section 3.3.10: UNTIL is a DATE for all-day series and a UTC DATE-TIME for timed ones; a floating time
    // would change meaning with the reader's zone, so it is refused.
    private static RecurrenceDateValue? ParseUntil(string text, string field, List<ValidationError> errors)
    {
        if (TryParseDate(text, out var date))
            return new RecurrenceDateValue(date, null, null);
        if (text.EndsWith('Z') && TryParseDateTime(text[..^1], out var utcDate, out var utcTime))
            return new RecurrenceDateValue(utcDate, utcTime, "UTC");
        errors.Add(new(field, $"RRULE part UNTIL: '{Shorten(text)}' must be a date (20261231) or a UTC date-time (20261231T235959Z)."));
        return null;
    }

    private static ParsedDates? ParseDates(string name, ReadOnlySpan<string> parameters, string value, string field, List<ValidationError> errors)
    {
        string? zoneId = null;
        var isDate = false;
        foreach (var parameter in parameters)
        {
            var eq = parameter.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? parameter[..eq].ToUpperInvariant() : parameter.ToUpperInvariant();
            var text = eq > 0 ? parameter[(eq + 1)..] : "";
            switch (key)
            {
                case "TZID" when IanaTimeZones.TryGetCanonicalId(text, out var canonicalId):
                    zoneId = canonicalId;
                    break;
                case "TZID":
                    errors.Add(new(field, $"{name} parameter TZID: '{Shorten(text)}' is not a known IANA time zone."));
                    return null;
                case "VALUE" when text.Equals("DATE", StringComparison.OrdinalIgnoreCase):
                    isDate = true;
                    break;
                case "VALUE" when text.Equals("DATE-TIME", StringComparison.OrdinalIgnoreCase):
                    break;
                default:
                    errors.Add(new(field, $"{name} parameter '{Shorten(parameter)}' is not supported; use TZID=…, VALUE=DATE or VALUE=DATE-TIME."));
                    return null;
            }
        }

        if (isDate && zoneId is not null)
        {
            errors.Add(new(field, $"{name} with VALUE=DATE takes no TZID."));
            return null;
        }

        var values = new List<RecurrenceDateValue>();
        foreach (var entry in value.Split(','))
        {
            if (isDate && TryParseDate(entry, out var date))
            {
                values.Add(new(date, null, null));
            }
            else if (!isDate && entry.EndsWith('Z') && zoneId is null && TryParseDateTime(entry[..^1], out var utcDate, out var utcTime))
            {
                values.Add(new(utcDate, utcTime, "UTC"));
            }
            else if (!isDate && zoneId is not null && TryParseDateTime(entry, out var localDate, out var localTime))
            {
                values.Add(new(localDate, localTime, zoneId));
            }
            else
            {
                errors.Add(new(field, isDate
                    ? $"{name} value '{Shorten(entry)}' must be a date such as 20261201 (VALUE=DATE)."
                    : $"{name} value '{Shorten(entry)}' must be a UTC date-time (20261201T090000Z) or a local one with TZID=…; floating times are refused."));
                return null;
            }
        }

        var head = isDate ? $"{name};VALUE=DATE" : zoneId is null ? name : $"{name};TZID={zoneId}";
        return new ParsedDates(values, $"{head}:{string.Join(',', values)}");
    }

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date.Year is >= 1900 and < 2200;

    private static bool TryParseDateTime(string text, out DateOnly date, out TimeOnly time)
    {
        date = default;
        time = default;
        if (!DateTime.TryParseExact(text, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || parsed.Year is < 1900 or >= 2200)
            return false;
        date = DateOnly.FromDateTime(parsed);
        time = TimeOnly.FromDateTime(parsed);
        return true;
    }

    // Echoing user text back in an error is fine; echoing a megabyte of it is not.
    private static string Shorten(string text) => TextCut.ToLengthWithEllipsis(text, 41);
}
