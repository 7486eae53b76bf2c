using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using NodaTime;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.TimeZones;
using VEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace RealtimeCalendar.Core.Recurrence;

/// <summary>
/// When a series occurs: its start, length, zone and checked <see cref="RecurrenceSet"/>, expanded by Ical.Net
/// (RFC 5545 section 3.8.5.3) in the series' own IANA zone from NodaTime's embedded TZDB, never the host's, so 09:00
/// Europe/Berlin stays 09:00 across DST, and a local start the clocks skip moves forward by the gap (RFC 5545 section
/// 3.3.5). All-day series expand by date and give midnight-UTC instants, as all-day events are stored.
/// </summary>
public sealed class SeriesSchedule
{
    private readonly string seriesId;
    private readonly VEvent component;
    private readonly TimeSpan duration;
    private readonly bool allDay;

    private SeriesSchedule(string seriesId, VEvent component, TimeSpan duration, bool allDay, DateTimeOffset firstStart, DateTimeOffset? lastEnd)
    {
        this.seriesId = seriesId;
        this.component = component;
        this.duration = duration;
        this.allDay = allDay;
        FirstStart = firstStart;
        LastEnd = lastEnd;
    }

    /// <summary>Start of the first occurrence (UTC).</summary>
    public DateTimeOffset FirstStart { get; }

    /// <summary>End of the last occurrence (UTC), or null for an open-ended series. With <see cref="FirstStart"/>, the series' span.</summary>
    public DateTimeOffset? LastEnd { get; }

    /// <summary>
    /// Builds the schedule of series <paramref name="seriesId"/> whose first instance is
    /// <paramref name="start"/>..<paramref name="end"/> in zone <paramref name="timeZone"/> (a TZDB id), or adds
    /// errors and returns null: an UNTIL before the start, date values of the wrong kind for the series (RFC 5545: DATE
    /// for all-day, DATE-TIME for timed), or a recurrence with no occurrence at all.
    /// </summary>
    public static SeriesSchedule? Create(
        string seriesId, DateTimeOffset start, DateTimeOffset end, bool allDay, string timeZone, RecurrenceSet recurrence, List<ValidationError> errors)
    {
        var before = errors.Count;
        if (!IanaTimeZones.TryGetCanonicalId(timeZone, out var zoneId))
        {
            errors.Add(new("timeZone", "Time zone is not a known IANA id such as 'Europe/Berlin'."));
            return null;
        }

        var zone = IanaTimeZones.GetZone(zoneId);
        CheckValueKinds(recurrence, allDay, errors);
        if (recurrence.Until is { } until && until.ToInstant() < Instant.FromDateTimeOffset(allDay ? start.UtcDateTime.Date : start))
            errors.Add(new("recurrence", $"RRULE part UNTIL: {until} is before the series' start."));
        if (errors.Count > before)
            return null;

        var component = Component(start, allDay, zone, recurrence);
        var duration = end - start;
        var occurrences = Expand(component, from: null).GetEnumerator();
        DateTimeOffset firstStart;
        try
        {
            if (!occurrences.MoveNext())
            {
                errors.Add(new("recurrence", "The recurrence has no occurrence at all (every date is excluded)."));
                return null;
            }

            firstStart = StartOf(occurrences.Current, allDay);
        }
        catch (EvaluationLimitExceededException)
        {
            errors.Add(new("recurrence", "The RRULE never occurs (for example the 30th of February)."));
            return null;
        }

        var lastEnd = LastEndOf(recurrence, occurrences, firstStart, duration, allDay);
        return new SeriesSchedule(seriesId, component, duration, allDay, firstStart, lastEnd);
    }

    /// <summary>
    /// The occurrences that overlap <paramref name="from"/>..<paramref name="to"/> (start before <paramref name="to"/>,
    /// end after <paramref name="from"/>), in start order, lazily: the caller takes as many as its cap allows.
    /// </summary>
    public IEnumerable<Occurrence> Between(DateTimeOffset from, DateTimeOffset to)
    {
        // Start the evaluation one occurrence length early, so an occurrence that began before the range is found too.
        var evaluationStart = from - duration;
        using var occurrences = Expand(component, evaluationStart, allDay).GetEnumerator();
        while (true)
        {
            try
            {
                if (!occurrences.MoveNext())
                    yield break;
            }
            catch (EvaluationLimitExceededException)
            {
                yield break;
            }

            var start = StartOf(occurrences.Current, allDay);
            if (start >= to)
                yield break;
            var end = start + duration;
            if (end > from || (duration == TimeSpan.Zero && start >= from))
                yield return new Occurrence(OccurrenceId(start), start, start, end);
        }
    }

    /// <summary>Google's instance id for the occurrence that originally starts at <paramref name="originalStart"/>.</summary>
    public string OccurrenceId(DateTimeOffset originalStart) => EventIds.Instance(seriesId, originalStart, allDay);

    /// <summary>True when the rule (with its EXDATEs and RDATEs) has an occurrence starting exactly at <paramref name="originalStart"/>.</summary>
    public bool OccursAt(DateTimeOffset originalStart) =>
        Between(originalStart, originalStart.AddMilliseconds(1)).Any(o => o.OriginalStartTime == originalStart);

    /// <summary>How many occurrences start before <paramref name="instant"/> (at most COUNT, so bounded for a counted rule).</summary>
    public int CountBefore(DateTimeOffset instant)
    {
        var count = 0;
        using var occurrences = Expand(component, from: null, allDay).GetEnumerator();
        try
        {
            while (occurrences.MoveNext() && StartOf(occurrences.Current, allDay) < instant)
                count++;
        }
        catch (EvaluationLimitExceededException)
        {
            // The rule ran dry: every occurrence there is was counted.
        }

        return count;
    }

    /// <summary>
    /// The schedule of a stored series, which was checked by <see cref="Create"/> when it was written. Its span is not
    /// measured again (<see cref="FirstStart"/> is the series' start, <see cref="LastEnd"/> null): the store keeps it.
    /// </summary>
    /// <exception cref="FormatException">The stored recurrence no longer parses (never written by this code).</exception>
    public static SeriesSchedule FromStored(CalendarEvent series)
    {
        var errors = new List<ValidationError>();
        var recurrence = RecurrenceParser.Parse(series.Recurrence ?? [], errors)
            ?? throw new FormatException($"Stored series {series.EventId} has an unreadable recurrence: {errors[0].Message}");
        var zone = IanaTimeZones.GetZone(series.TimeZone);
        return new SeriesSchedule(series.EventId, Component(series.Start, series.AllDay, zone, recurrence), series.End - series.Start, series.AllDay, series.Start, lastEnd: null);
    }

    private static VEvent Component(DateTimeOffset start, bool allDay, DateTimeZone zone, RecurrenceSet recurrence)
    {
        var component = new VEvent { DtStart = ToCalDateTime(start, allDay, zone) };
        if (recurrence.Rule is not null)
            component.RecurrenceRule = new RecurrencePattern(recurrence.Rule);
        foreach (var date in recurrence.ExceptionDates)
            component.ExceptionDates.Add(ToCalDateTime(date));
        foreach (var date in recurrence.RecurrenceDates)
            component.RecurrenceDates.Add(ToCalDateTime(date));
        return component;
    }

    private static IEnumerable<Ical.Net.DataTypes.Occurrence> Expand(VEvent component, DateTimeOffset? from, bool allDay = false)
    {
        var options = new EvaluationOptions { MaxUnmatchedIncrementsLimit = RecurrenceLimits.MaxUnmatchedIncrements };
        CalDateTime? start = from switch
        {
            null => null,
            { } f when allDay => new CalDateTime(f.UtcDateTime.Year, f.UtcDateTime.Month, f.UtcDateTime.Day),
            { } f => new CalDateTime(f.UtcDateTime, "UTC"),
        };
        return component.GetOccurrences(start, options);
    }

    private static DateTimeOffset? LastEndOf(
        RecurrenceSet recurrence, IEnumerator<Ical.Net.DataTypes.Occurrence> occurrences, DateTimeOffset firstStart, TimeSpan duration, bool allDay)
    {
        if (!recurrence.IsBounded)
            return null;

        var lastRecurrenceDate = recurrence.RecurrenceDates.Count == 0
            ? firstStart
            : recurrence.RecurrenceDates.Max(date => date.ToInstant().ToDateTimeOffset());
        if (recurrence.Until is { } until)
        {
            // UNTIL is inclusive: a DATE covers its whole day.
            var untilInstant = until.ToInstant().ToDateTimeOffset() + (until.Time is null ? TimeSpan.FromDays(1) : TimeSpan.Zero);
            return Max(untilInstant, lastRecurrenceDate) + duration;
        }

        // COUNT (at most RecurrenceLimits.MaxCount) or RDATEs only: walk to the last occurrence.
        var last = firstStart;
        try
        {
            while (occurrences.MoveNext())
                last = StartOf(occurrences.Current, allDay);
        }
        catch (EvaluationLimitExceededException)
        {
            // The rule ran dry before COUNT was reached; the last occurrence found is the last there is.
        }

        return Max(last, lastRecurrenceDate) + duration;
    }

    private static void CheckValueKinds(RecurrenceSet recurrence, bool allDay, List<ValidationError> errors)
    {
        var kind = allDay ? "a date (VALUE=DATE)" : "a date-time (UTC or with TZID)";
        if (recurrence.Until is { } until && (until.Time is null) != allDay)
            errors.Add(new("recurrence", $"RRULE part UNTIL must be {(allDay ? "a date (20261231)" : "a UTC date-time (20261231T235959Z)")} for {(allDay ? "an all-day" : "a timed")} series (RFC 5545 section 3.3.10)."));
        if (recurrence.ExceptionDates.Any(d => (d.Time is null) != allDay))
            errors.Add(new("recurrence", $"EXDATE values must be {kind} for {(allDay ? "an all-day" : "a timed")} series."));
        if (recurrence.RecurrenceDates.Any(d => (d.Time is null) != allDay))
            errors.Add(new("recurrence", $"RDATE values must be {kind} for {(allDay ? "an all-day" : "a timed")} series."));
    }

    private static CalDateTime ToCalDateTime(DateTimeOffset start, bool allDay, DateTimeZone zone)
    {
        if (allDay)
            return new CalDateTime(start.UtcDateTime.Year, start.UtcDateTime.Month, start.UtcDateTime.Day);
        var local = Instant.FromDateTimeOffset(start).InZone(zone).LocalDateTime;
        return new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, zone.Id);
    }

    private static CalDateTime ToCalDateTime(RecurrenceDateValue value) => value.Time is { } time
        ? new CalDateTime(value.Date.Year, value.Date.Month, value.Date.Day, time.Hour, time.Minute, time.Second, value.TimeZone)
        : new CalDateTime(value.Date.Year, value.Date.Month, value.Date.Day);

    private static DateTimeOffset StartOf(Ical.Net.DataTypes.Occurrence occurrence, bool allDay)
    {
        var start = occurrence.Period.StartTime;
        return allDay
            ? new DateTimeOffset(start.Year, start.Month, start.Day, 0, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(DateTime.SpecifyKind(start.AsUtc, DateTimeKind.Utc));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
