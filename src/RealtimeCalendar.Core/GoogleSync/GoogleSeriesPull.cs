using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Recurrence;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// The pull's part for recurring events. A Google series becomes our series (its <c>recurrence</c> lines as Google sends
/// them, checked by <see cref="RecurrenceParser"/> and <see cref="SeriesSchedule"/>; refused ones are skipped with the
/// reason). An exception (Google's instance with <c>recurringEventId</c> and <c>originalStartTime</c>) becomes an
/// override of our series, found through the series' Google link; a cancelled exception becomes an EXDATE on our series
/// (dropping its override). Every change of a series is one <see cref="SeriesWrite"/> made by
/// <see cref="SeriesChanges"/>, the same rules as a local edit, with Google's <c>updated</c> as its time.
/// </summary>
internal sealed class GoogleSeriesPull(IEventStore events, TimeProvider time, GooglePullLog log, ILogger logger)
{
    /// <summary>Applies a Google series (not cancelled, of a stored event type) to <paramref name="ours"/>, the event under its local id.</summary>
    public async Task<GoogleApplyOutcome> ApplySeriesAsync(
        string userId,
        string localId,
        GoogleEvent googleEvent,
        CalendarEvent? ours,
        string? calendarTimeZone,
        DateTimeOffset googleUpdated,
        GooglePullCounts counts,
        CancellationToken cancellationToken)
    {
        var draft = GoogleEventMapping.ToDraft(googleEvent, calendarTimeZone);
        var errors = EventValidator.Validate(draft).ToList();
        IReadOnlyList<string> lines = [];
        SeriesSchedule? schedule = null;
        if (errors.Count == 0 && RecurrenceParser.Parse(googleEvent.Recurrence!, errors) is { } set)
        {
            lines = ours is { IsSeries: true } && ours.AllDay == draft.AllDay ? WithOurExceptions(set, ours) : set.Lines;
            schedule = SeriesChanges.Schedule(localId, draft.Start!.Value, draft.End!.Value, draft.AllDay, draft.TimeZone!, lines, errors);
        }

        if (schedule is null)
        {
            log.Skip(counts, userId, googleEvent, GooglePullLog.Reason(errors));
            return GoogleApplyOutcome.Settled;
        }

        var link = new GoogleEventLink(googleEvent.Id!, googleEvent.Etag ?? string.Empty, googleUpdated, GoogleReminderMapping.EmailMinutes(googleEvent.Reminders));
        var eventType = GoogleEventMapping.EventTypeOf(googleEvent);
        if (ours is { IsSeries: true })
        {
            log.LocalLoss(ours, googleUpdated, "changed");
            var overrides = await OverridesAsync(ours, cancellationToken);
            var first = new SeriesChanges.Target(ours.Start, ours.Start, null);
            var plan = new SeriesChanges(googleUpdated, GoogleSyncService.SourceGoogle).Edit(ours, first, EditScope.All, draft with { Recurrence = [.. lines] }, overrides);
            if (plan.Refusal is { } refusal)
            {
                log.Skip(counts, userId, googleEvent, GooglePullLog.Reason(refusal));
                return GoogleApplyOutcome.Settled;
            }

            var write = plan.Write! with { Series = plan.Write.Series! with { GoogleLink = link, EventType = eventType } };
            return await WriteAsync(write, () => counts.Updated++, cancellationToken);
        }

        if (await events.CountSeriesAsync(userId, cancellationToken) >= RecurrenceLimits.MaxSeriesPerUser)
        {
            log.Skip(counts, userId, googleEvent, $"a calendar holds at most {RecurrenceLimits.MaxSeriesPerUser} repeating events");
            return GoogleApplyOutcome.Settled;
        }

        // A re-creation (restored in Google after a delete here) continues above the deleted version.
        var version = (ours?.Version ?? await events.GetLastVersionAsync(userId, localId, cancellationToken)) + 1;
        var series = new CalendarEvent(
            userId,
            localId,
            draft.Title!,
            StoredInstant.Of(draft.Start!.Value),
            StoredInstant.Of(draft.End!.Value),
            draft.AllDay,
            draft.TimeZone!,
            draft.Description,
            draft.Location,
            version,
            googleUpdated,
            GoogleSyncService.SourceGoogle,
            link,
            eventType,
            Recurrence: lines,
            OverrideIds: [],
            LastOccurrenceEnd: schedule.LastEnd,
            Reminders: EventReminders.Stored(draft.Reminders));
        if (ours is null)
        {
            var created = await events.CreateAsync(series, cancellationToken);
            if (created == StoreWriteOutcome.Written)
                counts.Created++;
            return created == StoreWriteOutcome.Written ? GoogleApplyOutcome.Settled : GoogleApplyOutcome.LocalChangedMeanwhile;
        }

        // A single event that became recurring in Google.
        log.LocalLoss(ours, googleUpdated, "changed");
        var replaced = await events.ReplaceAsync(series, ours.Version, cancellationToken);
        if (replaced == StoreWriteOutcome.Written)
            counts.Updated++;
        return replaced == StoreWriteOutcome.VersionConflict ? GoogleApplyOutcome.LocalChangedMeanwhile : GoogleApplyOutcome.Settled;
    }

    /// <summary>
    /// Applies a Google exception to our series: <see cref="GoogleApplyOutcome.SeriesNotHere"/> while the series is not
    /// stored (it may come later in the listing), otherwise it is settled like any event: written, an echo, our later
    /// edit patched back, or skipped with a reason.
    /// </summary>
    public async Task<GoogleApplyOutcome> ApplyExceptionAsync(
        IGoogleCalendarClient client, string userId, GoogleEvent googleEvent, string? calendarTimeZone, GooglePullCounts counts, CancellationToken cancellationToken)
    {
        if (GoogleEventMapping.OriginalStartOf(googleEvent) is not { } originalStart)
        {
            log.Skip(counts, userId, googleEvent, "it is an instance without an originalStartTime");
            return GoogleApplyOutcome.Settled;
        }

        var seriesId = GoogleEventIds.ToLocalId(googleEvent.RecurringEventId!);
        if (await events.GetAsync(userId, seriesId, cancellationToken) is not { IsSeries: true } series)
            return GoogleApplyOutcome.SeriesNotHere;

        var overrides = await OverridesAsync(series, cancellationToken);
        var ours = overrides.FirstOrDefault(o => o.OriginalStartTime == originalStart);
        if (ours?.GoogleLink is { } link && link.Etag == googleEvent.Etag)
        {
            counts.Echoes++;
            return GoogleApplyOutcome.Settled;
        }

        // Cancelled exceptions carry no `updated` (only id, recurringEventId and originalStartTime are guaranteed): they
        // count as changed now.
        var googleUpdated = StoredInstant.Of(googleEvent.Updated ?? time.GetUtcNow());
        if (ours is { IsReadOnly: false } && ours.Source != GoogleSyncService.SourceGoogle && ours.UpdatedAt > googleUpdated)
        {
            // The conflict rule: our later edit of this occurrence wins and goes back onto Google's instance.
            log.LocalWins(ours, googleEvent, googleUpdated);
            // Google's e-mail reminders on the version that loses are still Google's: they go back with ours.
            var restored = await client.PatchEventAsync(
                googleEvent.Id!,
                GoogleEventMapping.ToGoogle(ours, status: "confirmed", googleEmailMinutes: GoogleReminderMapping.EmailMinutes(googleEvent.Reminders)),
                ifMatchEtag: null,
                cancellationToken);
            counts.LocalWins++;
            await GoogleLinkRecorder.RecordAsync(events, ours, restored, time, logger, cancellationToken);
            return GoogleApplyOutcome.Settled;
        }

        var changes = new SeriesChanges(googleUpdated, GoogleSyncService.SourceGoogle);
        var target = new SeriesChanges.Target(originalStart, ours?.Start ?? originalStart, ours);
        var occurs = ours is not null || SeriesSchedule.FromStored(series).OccursAt(originalStart);
        if (googleEvent.IsCancelled)
        {
            if (!occurs)
            {
                // Already cancelled here: typically our own cancellation coming back.
                counts.Echoes++;
                return GoogleApplyOutcome.Settled;
            }

            var cancel = changes.Delete(series, target, EditScope.This, overrides);
            if (cancel.Refusal is { } refusal)
            {
                log.Skip(counts, userId, googleEvent, GooglePullLog.Reason(refusal));
                return GoogleApplyOutcome.Settled;
            }

            if (ours is not null)
                log.LocalLoss(ours, googleUpdated, "cancelled");
            return await WriteAsync(KeepSeriesTime(cancel.Write!, series), () => counts.Deleted++, cancellationToken);
        }

        var draft = GoogleEventMapping.ToDraft(googleEvent, calendarTimeZone);
        var errors = EventValidator.Validate(draft);
        if (errors.Count > 0)
        {
            log.Skip(counts, userId, googleEvent, GooglePullLog.Reason(errors));
            return GoogleApplyOutcome.Settled;
        }

        var parent = series;
        if (!occurs)
        {
            var set = RecurrenceParser.Parse(series.Recurrence!, []) ?? throw new FormatException($"Stored series {series.EventId} has an unreadable recurrence.");
            if (!set.ExceptionDates.Any(d => d.ToInstant().ToDateTimeOffset() == originalStart))
            {
                log.Skip(counts, userId, googleEvent, $"its original start {originalStart:O} is not an occurrence of the series here");
                return GoogleApplyOutcome.Settled;
            }

            if (!series.IsReadOnly && series.Source != GoogleSyncService.SourceGoogle && series.UpdatedAt > googleUpdated)
            {
                // We cancelled this occurrence after Google changed it: the cancellation stands, and reaches Google.
                log.LocalWins(series, googleEvent, googleUpdated);
                await CancelOnGoogleAsync(client, googleEvent.Id!, cancellationToken);
                counts.LocalWins++;
                return GoogleApplyOutcome.Settled;
            }

            // Google changed it after we cancelled it: it takes place again, as Google's exception.
            log.LocalLoss(series, googleUpdated, "changed a cancelled occurrence of");
            var lines = RecurrenceLines.WithoutExceptionDate(set, originalStart);
            var reopened = SeriesChanges.Schedule(series.EventId, series.Start, series.End, series.AllDay, series.TimeZone, lines, [])
                ?? throw new InvalidOperationException("A series with one date fewer excluded still has occurrences.");
            parent = series with { Recurrence = lines, LastOccurrenceEnd = reopened.LastEnd };
        }

        var plan = changes.Edit(parent, target, EditScope.This, draft, []);
        if (plan.Refusal is { } editRefusal)
        {
            log.Skip(counts, userId, googleEvent, GooglePullLog.Reason(editRefusal));
            return GoogleApplyOutcome.Settled;
        }

        var put = plan.Write!.Puts[0];
        // The override's id may have been used before (an occurrence changed, cancelled, changed again): grow past it.
        var floor = ours?.Version ?? await events.GetLastVersionAsync(userId, put.EventId, cancellationToken);
        put = put with
        {
            Version = Math.Max(put.Version, floor + 1),
            GoogleLink = new GoogleEventLink(googleEvent.Id!, googleEvent.Etag ?? string.Empty, googleUpdated, GoogleReminderMapping.EmailMinutes(googleEvent.Reminders)),
            EventType = series.EventType,
        };
        if (ours is not null)
            log.LocalLoss(ours, googleUpdated, "changed");
        return await WriteAsync(KeepSeriesTime(plan.Write with { Puts = [put] }, series), ours is null ? () => counts.Created++ : () => counts.Updated++, cancellationToken);
    }

    /// <summary>Removes our series and all its overrides, as Google's deletion of the series did there.</summary>
    public async Task<GoogleApplyOutcome> DeleteSeriesAsync(CalendarEvent ours, DateTimeOffset googleUpdated, GooglePullCounts counts, CancellationToken cancellationToken)
    {
        log.LocalLoss(ours, googleUpdated, "deleted");
        var overrides = await OverridesAsync(ours, cancellationToken);
        var write = new SeriesWrite(ours.UserId, ours.EventId, ours.Version, null, [], [.. overrides.Select(o => new EventTombstone(o.EventId, o.Version))]);
        return await WriteAsync(write, () => counts.Deleted++, cancellationToken);
    }

    /// <summary>Replaces our series by <paramref name="single"/> (Google removed its recurrence); its overrides go with the rule.</summary>
    public async Task<GoogleApplyOutcome> EndSeriesAsync(CalendarEvent ours, CalendarEvent single, GooglePullCounts counts, CancellationToken cancellationToken)
    {
        log.LocalLoss(ours, single.UpdatedAt, "changed");
        var overrides = await OverridesAsync(ours, cancellationToken);
        var write = new SeriesWrite(ours.UserId, ours.EventId, ours.Version, single, [], [.. overrides.Select(o => new EventTombstone(o.EventId, o.Version))]);
        return await WriteAsync(write, () => counts.Updated++, cancellationToken);
    }

    /// <summary>A confirmed exception whose series never arrived: skipped with the reason; a cancelled one needs nothing.</summary>
    public void SettleOrphan(string userId, GoogleEvent googleEvent, GooglePullCounts counts)
    {
        if (googleEvent.IsCancelled)
        {
            // The series is gone here too (deleted, or never synced): nothing is left to cancel.
            logger.LogDebug("Cancelled instance {GoogleEventId} of {UserId} has no series here", googleEvent.Id, userId);
            return;
        }

        log.Skip(counts, userId, googleEvent, $"its series {googleEvent.RecurringEventId} is not synced here");
    }

    /// <summary>Writes a series change; <paramref name="count"/> counts it once written, a version conflict means read again.</summary>
    private async Task<GoogleApplyOutcome> WriteAsync(SeriesWrite write, Action count, CancellationToken cancellationToken)
    {
        if (await events.WriteSeriesAsync(write, cancellationToken) != StoreWriteOutcome.Written)
            return GoogleApplyOutcome.LocalChangedMeanwhile;
        count();
        return GoogleApplyOutcome.Settled;
    }

    private static async Task CancelOnGoogleAsync(IGoogleCalendarClient client, string googleInstanceId, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteEventAsync(googleInstanceId, cancellationToken);
        }
        catch (GoogleCalendarException e) when (e.IsGone || e.IsNotFound)
        {
            // Already cancelled, or no longer an instance of Google's series: nothing left to cancel.
        }
    }

    private async Task<IReadOnlyList<CalendarEvent>> OverridesAsync(CalendarEvent series, CancellationToken cancellationToken) =>
        series.OverrideIds is { Count: > 0 } ids ? await events.GetManyAsync(series.UserId, ids, cancellationToken) : [];

    /// <summary>
    /// Google's lines with the EXDATEs our series holds besides them. Cancelling one occurrence in Google makes a
    /// cancelled exception, which we hold as an EXDATE; Google's <c>recurrence</c> never lists it, so a later change of
    /// the series there must not bring the occurrence back.
    /// </summary>
    private static IReadOnlyList<string> WithOurExceptions(RecurrenceSet google, CalendarEvent ours) =>
        RecurrenceParser.Parse(ours.Recurrence!, []) is { ExceptionDates.Count: > 0 } local
            ? RecurrenceLines.WithExceptionDates(google, local.ExceptionDates)
            : google.Lines;

    // A change of one occurrence is no change of the series' own fields: its updatedAt stays, so the conflict rule on
    // the series still compares the series' own edits.
    private static SeriesWrite KeepSeriesTime(SeriesWrite write, CalendarEvent series) =>
        write.Series is { } changed ? write with { Series = changed with { UpdatedAt = series.UpdatedAt } } : write;
}
