using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Recurrence;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Core.TimeZones;

namespace RealtimeCalendar.Core.Calendar;

/// <summary>
/// Turns an edit or delete of a series with a scope into one <see cref="SeriesWrite"/>, following Google Calendar's
/// rules: "this" stores an override (or adds an EXDATE on delete); "following" splits the series (UNTIL on the old
/// one, a new series from the occurrence, later overrides move with it); "all" changes the series. Changing a series'
/// start or rule keeps the overrides whose original start is still an occurrence and drops the rest; text fields an
/// override did not change follow the series. Pure: reads nothing, writes nothing.
/// </summary>
internal sealed class SeriesChanges(DateTimeOffset now, string source)
{
    /// <summary>The occurrence an edit addresses: the rule's start for it, and where it is now (moved, if an override).</summary>
    public sealed record Target(DateTimeOffset OriginalStart, DateTimeOffset CurrentStart, CalendarEvent? Override);

    public SeriesPlan Edit(CalendarEvent series, Target target, EditScope scope, EventDraft draft, IReadOnlyList<CalendarEvent> overrides)
    {
        if (draft.AllDay != series.AllDay && scope == EditScope.This)
            return SeriesPlan.Invalid([new("allDay", "One occurrence cannot change between all-day and timed; edit the series (scope=all).")]);
        if (scope == EditScope.This && draft.Recurrence is not null)
            return SeriesPlan.Invalid([new("recurrence", "One occurrence has no rule of its own; send scope=following or scope=all to change the rule.")]);

        if (scope == EditScope.Following && target.OriginalStart > series.Start)
            return EditFollowing(series, target, draft, overrides);
        return scope == EditScope.This ? EditThis(series, target, draft) : EditAll(series, target, draft, overrides);
    }

    public SeriesPlan Delete(CalendarEvent series, Target target, EditScope scope, IReadOnlyList<CalendarEvent> overrides)
    {
        if (scope == EditScope.All || (scope == EditScope.Following && target.OriginalStart <= series.Start))
            return DeleteAll(series, overrides);

        var set = Parse(series);
        if (scope == EditScope.This && set.ExceptionDates.Count + set.RecurrenceDates.Count >= RecurrenceLimits.MaxDateEntries)
            return SeriesPlan.Refused(new CalendarOutcome.LimitReached(
                $"A series keeps at most {RecurrenceLimits.MaxDateEntries} EXDATE and RDATE dates; split it (scope=following) or change its rule."));

        var lines = scope == EditScope.This
            ? RecurrenceLines.WithExceptionDate(set, target.OriginalStart, series.AllDay, series.TimeZone)
            : RecurrenceLines.Before(set, target.OriginalStart, series.AllDay);
        // The lines are ours and within every bound, so the only way they fail is that nothing is left of the series
        // (every occurrence excluded): then it is deleted whole, as a calendar user means.
        if (Schedule(series.EventId, series.Start, series.End, series.AllDay, series.TimeZone, lines, []) is not { } schedule)
            return DeleteAll(series, overrides);

        var removed = overrides.Where(o => scope == EditScope.This ? o.OriginalStartTime == target.OriginalStart : o.OriginalStartTime >= target.OriginalStart).ToList();
        var kept = KeepIds(series, removed.Select(o => o.EventId));
        var updated = series with
        {
            Recurrence = lines,
            OverrideIds = kept,
            LastOccurrenceEnd = schedule.LastEnd,
            Version = series.Version + 1,
            UpdatedAt = StoredInstant.Of(now),
            Source = source,
        };
        return new SeriesPlan(new SeriesWrite(series.UserId, series.EventId, series.Version, updated, [], Tombstones(removed)), null, null);
    }

    private SeriesPlan EditThis(CalendarEvent series, Target target, EventDraft draft)
    {
        var id = target.Override?.EventId ?? EventIds.Instance(series.EventId, target.OriginalStart, series.AllDay);
        var ids = series.OverrideIds ?? [];
        if (target.Override is null && ids.Count >= RecurrenceLimits.MaxOverridesPerSeries)
            return SeriesPlan.Refused(new CalendarOutcome.LimitReached(
                $"A series keeps at most {RecurrenceLimits.MaxOverridesPerSeries} changed occurrences; change the series or split it (scope=following)."));

        var version = series.Version + 1;
        var occurrence = Materialize(series.UserId, id, draft, Math.Max(version, (target.Override?.Version ?? 0) + 1)) with
        {
            RecurringEventId = series.EventId,
            OriginalStartTime = target.OriginalStart,
            GoogleLink = target.Override?.GoogleLink,
        };
        var updated = series with
        {
            OverrideIds = target.Override is null ? [.. ids, id] : ids,
            Version = version,
            UpdatedAt = StoredInstant.Of(now),
            Source = source,
        };
        var write = new SeriesWrite(series.UserId, series.EventId, series.Version, updated, [occurrence], []);
        return new SeriesPlan(write, occurrence with { Version = version }, null);
    }

    private SeriesPlan EditAll(CalendarEvent series, Target target, EventDraft draft, IReadOnlyList<CalendarEvent> overrides)
    {
        // The addressed occurrence moves by the draft's shift, and the series' start with it.
        var shift = draft.Start!.Value - target.CurrentStart;
        var start = series.Start + shift;
        var end = start + (draft.End!.Value - draft.Start.Value);
        var lines = draft.Recurrence is null
            ? RecurrenceLines.Shifted(Parse(series), shift, draft.AllDay, draft.TimeZone!)
            : draft.Recurrence.Select(l => l ?? "").ToList();
        var errors = new List<ValidationError>();
        if (Schedule(series.EventId, start, end, draft.AllDay, draft.TimeZone!, lines, errors) is not { } schedule)
            return SeriesPlan.Invalid(errors);

        var changed = Materialize(series.UserId, series.EventId, draft, series.Version + 1) with
        {
            Start = StoredInstant.Of(start),
            End = StoredInstant.Of(end),
            Recurrence = CanonicalLines(lines),
            GoogleLink = series.GoogleLink,
            LastOccurrenceEnd = schedule.LastEnd,
        };
        var (kept, writes, dropped) = Carry(series, changed, schedule, overrides, series.EventId);
        changed = changed with { OverrideIds = [.. kept.Select(o => o.EventId)] };
        var write = new SeriesWrite(series.UserId, series.EventId, series.Version, changed, writes, Tombstones(dropped));
        return new SeriesPlan(write, changed, null);
    }

    private SeriesPlan EditFollowing(CalendarEvent series, Target target, EventDraft draft, IReadOnlyList<CalendarEvent> overrides)
    {
        var set = Parse(series);
        var split = target.OriginalStart;
        var oldSchedule = SeriesSchedule.FromStored(series);
        var before = oldSchedule.CountBefore(split);
        if (before == 0)
            return EditAll(series, target, draft, overrides);

        var oldLines = RecurrenceLines.Before(set, split, series.AllDay);
        var errors = new List<ValidationError>();
        if (Schedule(series.EventId, series.Start, series.End, series.AllDay, series.TimeZone, oldLines, errors) is not { } shortened)
            return SeriesPlan.Invalid(errors);

        var newId = EventIds.New();
        var shift = draft.Start!.Value - target.CurrentStart;
        var start = split + shift;
        var end = start + (draft.End!.Value - draft.Start.Value);
        var newLines = draft.Recurrence is null
            ? RecurrenceLines.Shifted(RecurrenceParser.Parse(RecurrenceLines.From(set, split, before), [])!, shift, draft.AllDay, draft.TimeZone!)
            : draft.Recurrence.Select(l => l ?? "").ToList();
        if (Schedule(newId, start, end, draft.AllDay, draft.TimeZone!, newLines, errors) is not { } schedule)
            return SeriesPlan.Invalid(errors);

        var later = overrides.Where(o => o.OriginalStartTime >= split).ToList();
        var created = Materialize(series.UserId, newId, draft, version: 1) with
        {
            Start = StoredInstant.Of(start),
            End = StoredInstant.Of(end),
            Recurrence = CanonicalLines(newLines),
            LastOccurrenceEnd = schedule.LastEnd,
        };
        var (moved, writes, dropped) = Carry(series, created, schedule, later, newId);
        created = created with { OverrideIds = [.. moved.Select(o => o.EventId)] };
        var shortenedSeries = series with
        {
            Recurrence = oldLines,
            OverrideIds = KeepIds(series, later.Select(o => o.EventId)),
            LastOccurrenceEnd = shortened.LastEnd,
            Version = series.Version + 1,
            UpdatedAt = StoredInstant.Of(now),
            Source = source,
        };
        var write = new SeriesWrite(series.UserId, series.EventId, series.Version, shortenedSeries, [created, .. writes], Tombstones(dropped));
        return new SeriesPlan(write, created, null);
    }

    private static SeriesPlan DeleteAll(CalendarEvent series, IReadOnlyList<CalendarEvent> overrides) =>
        new(new SeriesWrite(series.UserId, series.EventId, series.Version, null, [], Tombstones(overrides)), null, null);

    /// <summary>
    /// Which overrides go on under <paramref name="changed"/> (<c>Kept</c>: re-pointed to <paramref name="seriesId"/>, the
    /// text fields they had not changed taken from the new series) and which are dropped: an override stays only while
    /// its original start is still an occurrence of <paramref name="schedule"/>. <c>Writes</c> are the kept ones that
    /// changed, each with a version above its stored one and the series' old one.
    /// </summary>
    private (List<CalendarEvent> Kept, List<CalendarEvent> Writes, List<CalendarEvent> Dropped) Carry(
        CalendarEvent old, CalendarEvent changed, SeriesSchedule schedule, IEnumerable<CalendarEvent> overrides, string seriesId)
    {
        var kept = new List<CalendarEvent>();
        var writes = new List<CalendarEvent>();
        var dropped = new List<CalendarEvent>();
        foreach (var o in overrides)
        {
            if (o.OriginalStartTime is not { } original || !schedule.OccursAt(original))
            {
                dropped.Add(o);
                continue;
            }

            var carried = o with
            {
                RecurringEventId = seriesId,
                Title = o.Title == old.Title ? changed.Title : o.Title,
                Description = o.Description == old.Description ? changed.Description : o.Description,
                Location = o.Location == old.Location ? changed.Location : o.Location,
                TimeZone = o.TimeZone == old.TimeZone ? changed.TimeZone : o.TimeZone,
                // Reminders follow the series too unless the override set its own (compared by content: records compare lists by reference).
                Reminders = EventReminders.Same(o.Reminders, old.Reminders) && !EventReminders.Same(o.Reminders, changed.Reminders) ? changed.Reminders : o.Reminders,
            };
            kept.Add(carried);
            if (carried != o)
                writes.Add(carried with { Version = Math.Max(o.Version, old.Version) + 1, UpdatedAt = StoredInstant.Of(now), Source = source });
        }

        return (kept, writes, dropped);
    }

    private static List<string> KeepIds(CalendarEvent series, IEnumerable<string> removed)
    {
        var gone = removed.ToHashSet(StringComparer.Ordinal);
        return (series.OverrideIds ?? []).Where(id => !gone.Contains(id)).ToList();
    }

    private static List<EventTombstone> Tombstones(IEnumerable<CalendarEvent> items) =>
        items.Select(o => new EventTombstone(o.EventId, o.Version)).ToList();

    private static RecurrenceSet Parse(CalendarEvent series)
    {
        var errors = new List<ValidationError>();
        return RecurrenceParser.Parse(series.Recurrence ?? [], errors)
            ?? throw new FormatException($"Stored series {series.EventId} has an unreadable recurrence.");
    }

    /// <summary>Checked lines in the parser's spelling (what is stored and sent back).</summary>
    public static IReadOnlyList<string> CanonicalLines(IReadOnlyList<string?> lines) =>
        RecurrenceParser.Parse(lines, [])?.Lines ?? throw new ArgumentException("The recurrence was not checked before it was stored.", nameof(lines));

    /// <summary>Parses and checks <paramref name="lines"/> for a series starting at <paramref name="start"/>; null with errors added when not a series.</summary>
    public static SeriesSchedule? Schedule(
        string seriesId, DateTimeOffset start, DateTimeOffset end, bool allDay, string timeZone, IReadOnlyList<string?> lines, List<ValidationError> errors)
    {
        if (RecurrenceParser.Parse(lines, errors) is not { } set)
            return null;
        return SeriesSchedule.Create(seriesId, start, end, allDay, IanaTimeZones.GetZone(timeZone).Id, set, errors);
    }

    private CalendarEvent Materialize(string userId, string eventId, EventDraft draft, long version) =>
        Materialize(userId, eventId, draft, version, source, now);

    /// <summary>The stored form of a checked draft: trimmed title, canonical zone id, empty texts as none, instants to the millisecond.</summary>
    public static CalendarEvent Materialize(string userId, string eventId, EventDraft draft, long version, string source, DateTimeOffset now) =>
        new(
            userId,
            eventId,
            draft.Title!.Trim(),
            StoredInstant.Of(draft.Start!.Value),
            StoredInstant.Of(draft.End!.Value),
            draft.AllDay,
            IanaTimeZones.GetZone(draft.TimeZone!).Id,
            string.IsNullOrEmpty(draft.Description) ? null : draft.Description,
            string.IsNullOrEmpty(draft.Location) ? null : draft.Location,
            version,
            StoredInstant.Of(now),
            source,
            Reminders: EventReminders.Stored(draft.Reminders));
}
