using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Recurrence;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Core.TimeZones;

namespace RealtimeCalendar.Core.Calendar;

/// <summary>
/// The calendar's use cases: list, read, create, replace and delete a user's events and series with validation
/// and optimistic concurrency. Every entry point that writes reaches the store only with valid input. Occurrences of a
/// series are addressed by Google's instance ids (<see cref="EventIds.Instance"/>) and changed with an
/// <see cref="EditScope"/>; the series' version guards every scope.
/// </summary>
public sealed class CalendarService(IEventStore store, TimeProvider time, CalendarOptions options, ILogger<CalendarService> logger)
{
    public const string SourceApi = "api";
    public const string SourceChat = "chat";

    /// <summary>
    /// One page of what overlaps <paramref name="range"/>: single events and stored overrides first (the store's
    /// pages), then every occurrence of every series that overlaps it (Google's <c>singleEvents=true</c>), at most
    /// <see cref="RecurrenceLimits.MaxOccurrencesPerQuery"/> of them over all pages. <see cref="CalendarOutcome.Listed"/>,
    /// or <see cref="CalendarOutcome.Invalid"/> for a <paramref name="maxResults"/> below 1 or a token not handed out for
    /// this range. <paramref name="maxResults"/> null means <see cref="EventPaging.DefaultMaxResults"/>; above the
    /// ceiling it is lowered to <see cref="EventPaging.MaxResultsCeiling"/>.
    /// </summary>
    public async Task<CalendarOutcome> ListAsync(
        string userId, TimeRange range, int? maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        if (EventPaging.PageSize(maxResults) is not { } size)
            return new CalendarOutcome.Invalid([new("maxResults", "Must be a positive whole number.")]);
        try
        {
            var position = pageToken is null ? ListingPosition.First : ListingPosition.Read(pageToken, range);
            var page = new ListingPage(size);
            while (!position.InSeries)
            {
                // Store reads of at most StoreChunk events, each sized so the page stays within budget even if every
                // event read is at every bound; a page ends on a store page's boundary, where its token is exact.
                var chunk = Math.Min(EventPaging.StoreChunk, page.RoomFor(EventPaging.LargestWireBound));
                if (chunk == 0)
                    return page.Listed(position.Write(range), truncated: false);
                var stored = await store.QueryPageAsync(userId, range, chunk, position.StoreToken, cancellationToken);
                foreach (var e in await WithSeriesVersionsAsync(userId, stored.Events, cancellationToken))
                    page.Add(e);
                position = stored.NextPageToken is null ? ListingPosition.SeriesStart : new ListingPosition(stored.NextPageToken, false, 0, 0, 0);
            }

            var (next, truncated) = await ExpandSeriesAsync(userId, range, position, page, cancellationToken);
            return page.Listed(next?.Write(range), truncated);
        }
        catch (InvalidPageTokenException e)
        {
            logger.LogInformation("Refused a page token of {UserId}: {Reason}", userId, e.Message);
            return new CalendarOutcome.Invalid([new("pageToken", "Not a page token of this listing; start again without one.")]);
        }
    }

    /// <summary>
    /// The event, series or occurrence (stored override or expanded from its series, with the series' version) with this
    /// id, or null.
    /// </summary>
    public async Task<CalendarEvent?> GetAsync(string userId, string eventId, CancellationToken cancellationToken)
    {
        if (!EventIds.IsWellFormedOrInstance(eventId))
            return null;
        var stored = await store.GetAsync(userId, eventId, cancellationToken);
        if (stored is not null && !stored.IsInstance)
            return stored;
        return await ResolveOccurrenceAsync(userId, eventId, stored, cancellationToken) is { } found
            ? found.Target.Override is { } o ? o with { Version = found.Series.Version } : Expanded(found.Series, found.Target.OriginalStart)
            : null;
    }

    public async Task<CalendarOutcome> CreateAsync(string userId, EventDraft draft, string source, CancellationToken cancellationToken)
    {
        var errors = EventValidator.Validate(draft).ToList();
        if (errors.Count > 0)
            return new CalendarOutcome.Invalid(errors);

        var id = EventIds.New();
        var created = Materialize(userId, id, draft, version: 1, source);
        if (draft.Recurrence is not null)
        {
            if (SeriesChanges.Schedule(id, created.Start, created.End, draft.AllDay, created.TimeZone, draft.Recurrence, errors) is not { } schedule)
                return new CalendarOutcome.Invalid(errors);
            if (await SeriesLimitAsync(userId, cancellationToken) is { } seriesLimit)
                return seriesLimit;
            created = created with { Recurrence = SeriesChanges.CanonicalLines(draft.Recurrence), OverrideIds = [], LastOccurrenceEnd = schedule.LastEnd };
        }

        if (await store.CountAsync(userId, cancellationToken) >= options.MaxEventsPerUser)
            return new CalendarOutcome.LimitReached($"A calendar holds at most {options.MaxEventsPerUser} events.");

        var outcome = await store.CreateAsync(created, cancellationToken);
        if (outcome != StoreWriteOutcome.Written)
            throw new InvalidOperationException($"A freshly generated event id collided ({outcome}).");

        logger.LogInformation("Event {EventId} created for {UserId} from {Source} (series: {IsSeries})", created.EventId, userId, source, created.IsSeries);
        return new CalendarOutcome.Stored(created);
    }

    /// <summary>Replaces a single event, or the series or occurrence with scope null (an occurrence: this; a series: all).</summary>
    public Task<CalendarOutcome> ReplaceAsync(
        string userId, string eventId, long expectedVersion, EventDraft draft, string source, CancellationToken cancellationToken) =>
        ReplaceAsync(userId, eventId, scope: null, expectedVersion, draft, source, cancellationToken);

    /// <summary>
    /// Replaces a single event, or changes a series from the addressed occurrence with <paramref name="scope"/> (null: an
    /// occurrence id means <see cref="EditScope.This"/>, a series id <see cref="EditScope.All"/>).
    /// <paramref name="expectedVersion"/> is the event's version, for a series or any of its occurrences the series'.
    /// A single event given a <see cref="EventDraft.Recurrence"/> becomes a series.
    /// </summary>
    public async Task<CalendarOutcome> ReplaceAsync(
        string userId, string eventId, EditScope? scope, long expectedVersion, EventDraft draft, string source, CancellationToken cancellationToken)
    {
        if (!EventIds.IsWellFormedOrInstance(eventId))
            return new CalendarOutcome.NotFound();

        var errors = EventValidator.Validate(draft).ToList();
        if (errors.Count > 0)
            return new CalendarOutcome.Invalid(errors);

        var stored = await store.GetAsync(userId, eventId, cancellationToken);
        if (stored is { IsReadOnly: true })
            return new CalendarOutcome.ReadOnly(stored.EventType);
        if (stored is { IsSeries: false, IsInstance: false })
            return await ReplaceSingleAsync(stored, expectedVersion, draft, source, cancellationToken);

        if (await ResolveAsync(userId, eventId, stored, cancellationToken) is not { } found)
            return new CalendarOutcome.NotFound();
        var (series, target) = found;
        if (series.IsReadOnly)
            return new CalendarOutcome.ReadOnly(series.EventType);
        var effectiveScope = scope ?? (series.EventId == eventId ? EditScope.All : EditScope.This);
        if (effectiveScope == EditScope.This && series.EventId == eventId)
            return new CalendarOutcome.Invalid([new("scope", "scope=this needs an occurrence id ({seriesId}_{originalStart}); the series id means all events.")]);
        if (series.Version != expectedVersion)
            return new CalendarOutcome.VersionConflict(series.Version);

        var overrides = effectiveScope == EditScope.This ? [] : await OverridesAsync(series, cancellationToken);
        var plan = new SeriesChanges(time.GetUtcNow(), source).Edit(series, target, effectiveScope, draft, overrides);
        if (plan.Refusal is { } refusal)
            return refusal;
        if (plan.Write!.Puts.Any(p => p.IsSeries) && await SeriesLimitAsync(userId, cancellationToken) is { } seriesLimit)
            return seriesLimit;
        return await WriteSeriesAsync(plan, effectiveScope, new CalendarOutcome.Stored(plan.Result!), cancellationToken);
    }

    /// <summary>Deletes a single event, or the series or occurrence with scope null (an occurrence: this; a series: all).</summary>
    public Task<CalendarOutcome> DeleteAsync(string userId, string eventId, long expectedVersion, CancellationToken cancellationToken) =>
        DeleteAsync(userId, eventId, scope: null, expectedVersion, SourceApi, cancellationToken);

    /// <summary>
    /// Deletes a single event, or from the addressed occurrence of a series with <paramref name="scope"/>: this adds an
    /// EXDATE (and drops its override), following ends the series before it, all deletes the series and its overrides.
    /// <paramref name="source"/> is recorded on the series a scoped delete leaves changed (EXDATE or UNTIL).
    /// </summary>
    public async Task<CalendarOutcome> DeleteAsync(
        string userId, string eventId, EditScope? scope, long expectedVersion, string source, CancellationToken cancellationToken)
    {
        if (!EventIds.IsWellFormedOrInstance(eventId))
            return new CalendarOutcome.NotFound();

        var stored = await store.GetAsync(userId, eventId, cancellationToken);
        if (stored is { IsReadOnly: true })
            return new CalendarOutcome.ReadOnly(stored.EventType);
        if (stored is { IsSeries: false, IsInstance: false })
        {
            var outcome = await store.DeleteAsync(userId, eventId, expectedVersion, cancellationToken);
            return await ToOutcomeAsync(outcome, userId, eventId, new CalendarOutcome.Deleted(), cancellationToken);
        }

        if (await ResolveAsync(userId, eventId, stored, cancellationToken) is not { } found)
            return new CalendarOutcome.NotFound();
        var (series, target) = found;
        if (series.IsReadOnly)
            return new CalendarOutcome.ReadOnly(series.EventType);
        var effectiveScope = scope ?? (series.EventId == eventId ? EditScope.All : EditScope.This);
        if (effectiveScope == EditScope.This && series.EventId == eventId)
            return new CalendarOutcome.Invalid([new("scope", "scope=this needs an occurrence id ({seriesId}_{originalStart}); the series id means all events.")]);
        if (series.Version != expectedVersion)
            return new CalendarOutcome.VersionConflict(series.Version);

        var plan = new SeriesChanges(time.GetUtcNow(), source).Delete(series, target, effectiveScope, await OverridesAsync(series, cancellationToken));
        return plan.Refusal ?? await WriteSeriesAsync(plan, effectiveScope, new CalendarOutcome.Deleted(), cancellationToken);
    }

    private async Task<CalendarOutcome> ReplaceSingleAsync(
        CalendarEvent stored, long expectedVersion, EventDraft draft, string source, CancellationToken cancellationToken)
    {
        var replaced = Materialize(stored.UserId, stored.EventId, draft, expectedVersion + 1, source);
        if (draft.Recurrence is not null)
        {
            var errors = new List<ValidationError>();
            if (SeriesChanges.Schedule(stored.EventId, replaced.Start, replaced.End, draft.AllDay, replaced.TimeZone, draft.Recurrence, errors) is not { } schedule)
                return new CalendarOutcome.Invalid(errors);
            if (await SeriesLimitAsync(stored.UserId, cancellationToken) is { } seriesLimit)
                return seriesLimit;
            replaced = replaced with { Recurrence = SeriesChanges.CanonicalLines(draft.Recurrence), OverrideIds = [], LastOccurrenceEnd = schedule.LastEnd };
        }

        var outcome = await store.ReplaceAsync(replaced, expectedVersion, cancellationToken);
        return await ToOutcomeAsync(outcome, stored.UserId, stored.EventId, new CalendarOutcome.Stored(replaced), cancellationToken);
    }

    private async Task<CalendarOutcome> WriteSeriesAsync(SeriesPlan plan, EditScope scope, CalendarOutcome success, CancellationToken cancellationToken)
    {
        var write = plan.Write!;
        var outcome = await store.WriteSeriesAsync(write, cancellationToken);
        if (outcome == StoreWriteOutcome.Written)
        {
            logger.LogInformation(
                "Series {SeriesId} of {UserId} changed with scope {Scope}: {Puts} items written, {Deletes} removed",
                write.SeriesId, write.UserId, scope, write.Puts.Count + (write.Series is null ? 0 : 1), write.Deletes.Count + (write.Series is null ? 1 : 0));
            return success;
        }

        var current = await store.GetAsync(write.UserId, write.SeriesId, cancellationToken);
        return current is null ? new CalendarOutcome.NotFound() : new CalendarOutcome.VersionConflict(current.Version);
    }

    /// <summary>The series an id belongs to and the occurrence it addresses (the series' first for the series id).</summary>
    private async Task<(CalendarEvent Series, SeriesChanges.Target Target)?> ResolveAsync(
        string userId, string eventId, CalendarEvent? stored, CancellationToken cancellationToken) =>
        stored is { IsSeries: true }
            ? (stored, new SeriesChanges.Target(stored.Start, stored.Start, null))
            : await ResolveOccurrenceAsync(userId, eventId, stored, cancellationToken);

    private async Task<(CalendarEvent Series, SeriesChanges.Target Target)?> ResolveOccurrenceAsync(
        string userId, string eventId, CalendarEvent? stored, CancellationToken cancellationToken)
    {
        if (stored is { RecurringEventId: { } parentId, OriginalStartTime: { } original })
        {
            return await store.GetAsync(userId, parentId, cancellationToken) is { IsSeries: true } parent
                ? (parent, new SeriesChanges.Target(original, stored.Start, stored))
                : null;
        }

        if (!EventIds.TryParseInstance(eventId, out var seriesId, out var originalStart)
            || await store.GetAsync(userId, seriesId, cancellationToken) is not { IsSeries: true } series
            || Overridden(series).Contains(originalStart)
            || !SeriesSchedule.FromStored(series).OccursAt(originalStart))
            return null;
        return (series, new SeriesChanges.Target(originalStart, originalStart, null));
    }

    private async Task<(ListingPosition? Next, bool Truncated)> ExpandSeriesAsync(
        string userId, TimeRange range, ListingPosition position, ListingPage page, CancellationToken cancellationToken)
    {
        var allSeries = (await store.QuerySeriesAsync(userId, range, cancellationToken)).OrderBy(s => s.EventId, StringComparer.Ordinal).ToList();
        var expanded = position.Expanded;
        for (var index = position.SeriesIndex; index < allSeries.Count; index++)
        {
            var series = allSeries[index];
            var bound = EventPaging.WireBound(series);
            var overridden = Overridden(series);
            var skip = index == position.SeriesIndex ? position.Skip : 0;
            var taken = 0;
            foreach (var occurrence in SeriesSchedule.FromStored(series).Between(range.From, range.To))
            {
                if (overridden.Contains(occurrence.OriginalStartTime))
                    continue;
                if (taken++ < skip)
                    continue;
                if (page.RoomFor(bound) == 0)
                    return (new ListingPosition(null, true, index, taken - 1, expanded), false);
                if (expanded == RecurrenceLimits.MaxOccurrencesPerQuery)
                {
                    logger.LogWarning("Listing of {UserId} cut at {Limit} occurrences ({From}..{To})", userId, expanded, range.From, range.To);
                    return (null, true);
                }

                page.Add(Expanded(series, occurrence));
                expanded++;
            }
        }

        return (null, false);
    }

    // Stored overrides answer with their series' version: If-Match on the series guards every scope.
    private async Task<IReadOnlyList<CalendarEvent>> WithSeriesVersionsAsync(
        string userId, IReadOnlyList<CalendarEvent> events, CancellationToken cancellationToken)
    {
        var parentIds = events.Where(e => e.RecurringEventId is not null).Select(e => e.RecurringEventId!).ToHashSet(StringComparer.Ordinal);
        if (parentIds.Count == 0)
            return events;
        var versions = (await store.GetManyAsync(userId, parentIds, cancellationToken)).ToDictionary(s => s.EventId, s => s.Version, StringComparer.Ordinal);
        return events.Select(e => e.RecurringEventId is { } parent && versions.TryGetValue(parent, out var version) ? e with { Version = version } : e).ToList();
    }

    private async Task<IReadOnlyList<CalendarEvent>> OverridesAsync(CalendarEvent series, CancellationToken cancellationToken) =>
        series.OverrideIds is { Count: > 0 } ids ? await store.GetManyAsync(series.UserId, ids, cancellationToken) : [];

    private async Task<CalendarOutcome?> SeriesLimitAsync(string userId, CancellationToken cancellationToken) =>
        await store.CountSeriesAsync(userId, cancellationToken) >= RecurrenceLimits.MaxSeriesPerUser
            ? new CalendarOutcome.LimitReached($"A calendar holds at most {RecurrenceLimits.MaxSeriesPerUser} repeating events.")
            : null;

    private static HashSet<DateTimeOffset> Overridden(CalendarEvent series) =>
        (series.OverrideIds ?? []).Select(id => EventIds.TryParseInstance(id, out _, out var start) ? start : default).ToHashSet();

    private static CalendarEvent Expanded(CalendarEvent series, DateTimeOffset originalStart) =>
        Expanded(series, new Occurrence(EventIds.Instance(series.EventId, originalStart, series.AllDay), originalStart, originalStart, originalStart + (series.End - series.Start)));

    private static CalendarEvent Expanded(CalendarEvent series, Occurrence occurrence) => series with
    {
        EventId = occurrence.Id,
        Start = occurrence.Start,
        End = occurrence.End,
        Recurrence = null,
        RecurringEventId = series.EventId,
        OriginalStartTime = occurrence.OriginalStartTime,
        OverrideIds = null,
        LastOccurrenceEnd = null,
        GoogleLink = null,
    };

    private async Task<CalendarOutcome> ToOutcomeAsync(
        StoreWriteOutcome outcome, string userId, string eventId, CalendarOutcome success, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case StoreWriteOutcome.Written:
                logger.LogInformation("Event {EventId} of {UserId}: {Outcome}", eventId, userId, success.GetType().Name);
                return success;
            case StoreWriteOutcome.NotFound:
                return new CalendarOutcome.NotFound();
            default:
                // Re-read so the caller learns which version won; it may have been deleted in between.
                var current = await store.GetAsync(userId, eventId, cancellationToken);
                return current is null ? new CalendarOutcome.NotFound() : new CalendarOutcome.VersionConflict(current.Version);
        }
    }

    private CalendarEvent Materialize(string userId, string eventId, EventDraft draft, long version, string source) =>
        SeriesChanges.Materialize(userId, eventId, draft, version, source, time.GetUtcNow());
}
