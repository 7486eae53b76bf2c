using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// Pull: incremental <c>events.list</c> with the stored sync token; a 410 restarts with a full listing. Each Google event
/// is imported, applied as a change or deletion, recognized as an echo, or skipped with a logged reason; a pull never
/// half-applies one event. The listing is Google's default <c>singleEvents=false</c>: series and their exceptions, not
/// expanded instances; recurring events are <see cref="GoogleSeriesPull"/>'s.
/// </summary>
internal sealed class GooglePull
{
    private const int MaxAttemptsPerEvent = 3;

    private readonly IEventStore events;
    private readonly IGoogleSyncStateStore states;
    private readonly IGoogleTokenStore tokens;
    private readonly IGoogleCalendarClientFactory clients;
    private readonly GoogleWatchChannels channels;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly GooglePullLog log;
    private readonly GoogleSeriesPull series;

    public GooglePull(
        IEventStore events,
        IGoogleSyncStateStore states,
        IGoogleTokenStore tokens,
        IGoogleCalendarClientFactory clients,
        GoogleWatchChannels channels,
        TimeProvider time,
        ILogger logger)
    {
        this.events = events;
        this.states = states;
        this.tokens = tokens;
        this.clients = clients;
        this.channels = channels;
        this.time = time;
        this.logger = logger;
        log = new GooglePullLog(logger);
        series = new GoogleSeriesPull(events, time, log, logger);
    }

    public async Task<GoogleSyncResult> PullAsync(string userId, CancellationToken cancellationToken)
    {
        var state = await states.GetAsync(userId, cancellationToken);
        var refreshToken = await tokens.GetAsync(userId, cancellationToken);
        if (state is null || refreshToken is null)
            return GoogleSyncResult.NotConnected;

        using var client = clients.Create(refreshToken);
        var counts = new GooglePullCounts { FullResync = state.SyncToken is null };
        string nextSyncToken;
        try
        {
            try
            {
                nextSyncToken = await PullPagesAsync(client, userId, state.SyncToken, counts, cancellationToken);
            }
            catch (GoogleCalendarException e) when (e.IsGone && state.SyncToken is not null)
            {
                // Google forgets sync tokens (after weeks, or at will); the documented answer is to list everything again.
                logger.LogWarning("Google sync token of {UserId} expired; doing a full resync", userId);
                counts.FullResync = true;
                nextSyncToken = await PullPagesAsync(client, userId, null, counts, cancellationToken);
            }
        }
        catch (GoogleCalendarException e)
        {
            // The state keeps the old sync token: the next pull repeats this one, which is safe because applying is idempotent.
            await states.PutAsync(state with { LastSyncError = $"Google answered {e.Status}." }, cancellationToken);
            throw;
        }

        var channel = await channels.RenewIfDueAsync(client, userId, state.Channel, cancellationToken);
        await states.PutAsync(
            state with { SyncToken = nextSyncToken, LastSyncAt = time.GetUtcNow(), LastSyncError = null, Channel = channel },
            cancellationToken);

        var result = counts.ToResult();
        logger.LogInformation(
            "Google pull for {UserId}: {Created} created, {Updated} updated, {Deleted} deleted, {Echoes} echoes, {LocalWins} local wins, {Skipped} skipped, full {FullResync}",
            userId, result.Created, result.Updated, result.Deleted, result.Echoes, result.LocalWins, result.Skipped, result.FullResync);
        return result;
    }

    private async Task<string> PullPagesAsync(
        IGoogleCalendarClient client, string userId, string? syncToken, GooglePullCounts counts, CancellationToken cancellationToken)
    {
        string? pageToken = null;
        var waiting = new List<(GoogleEvent Exception, string? TimeZone)>();
        while (true)
        {
            var page = await client.ListEventsAsync(new GoogleEventQuery(syncToken, pageToken), cancellationToken);
            // Google lists exceptions in no set order against their series: series (and single events) go first.
            foreach (var googleEvent in page.Items.Where(e => !e.IsException))
                await ApplyAsync(client, userId, googleEvent, page.TimeZone, counts, cancellationToken);
            foreach (var exception in page.Items.Where(e => e.IsException))
            {
                if (await ApplyAsync(client, userId, exception, page.TimeZone, counts, cancellationToken) == GoogleApplyOutcome.SeriesNotHere)
                    waiting.Add((exception, page.TimeZone));
            }

            pageToken = page.NextPageToken;
            if (pageToken is null)
            {
                var nextSyncToken = page.NextSyncToken ?? throw new GoogleCalendarException(502, "Google ended an event listing without a sync token.");
                // An exception may come a page before its series; after the last page a missing series stays missing.
                foreach (var (exception, zone) in waiting)
                {
                    if (await ApplyAsync(client, userId, exception, zone, counts, cancellationToken) == GoogleApplyOutcome.SeriesNotHere)
                        series.SettleOrphan(userId, exception, counts);
                }

                return nextSyncToken;
            }
        }
    }

    private async Task<GoogleApplyOutcome> ApplyAsync(
        IGoogleCalendarClient client, string userId, GoogleEvent googleEvent, string? calendarTimeZone, GooglePullCounts counts, CancellationToken cancellationToken)
    {
        if (googleEvent.Id is not { Length: > 0 } googleId)
        {
            log.Skip(counts, userId, googleEvent, "it has no id");
            return GoogleApplyOutcome.Settled;
        }

        var localId = GoogleEventIds.ToLocalId(googleId);
        for (var attempt = 1; attempt <= MaxAttemptsPerEvent; attempt++)
        {
            var outcome = googleEvent.IsException
                ? await series.ApplyExceptionAsync(client, userId, googleEvent, calendarTimeZone, counts, cancellationToken)
                : await ApplyOnceAsync(client, userId, localId, googleEvent, await events.GetAsync(userId, localId, cancellationToken), calendarTimeZone, counts, cancellationToken);
            if (outcome != GoogleApplyOutcome.LocalChangedMeanwhile)
                return outcome;
        }

        log.Skip(counts, userId, googleEvent, "it kept conflicting with local writes; left for the next pull");
        return GoogleApplyOutcome.Settled;
    }

    private async Task<GoogleApplyOutcome> ApplyOnceAsync(
        IGoogleCalendarClient client,
        string userId,
        string localId,
        GoogleEvent googleEvent,
        CalendarEvent? ours,
        string? calendarTimeZone,
        GooglePullCounts counts,
        CancellationToken cancellationToken)
    {
        if (ours?.GoogleLink is { } link && link.Etag == googleEvent.Etag)
        {
            counts.Echoes++;
            return GoogleApplyOutcome.Settled;
        }

        var eventType = GoogleEventMapping.EventTypeOf(googleEvent);
        var googleUpdated = StoredInstant.Of(googleEvent.Updated ?? time.GetUtcNow());
        // Read-only entries cannot be edited here, so Google's side always stands; never patch one back.
        if (ours is { IsReadOnly: false } && !EventTypes.IsReadOnly(eventType) && ours.UpdatedAt > googleUpdated)
        {
            // The conflict rule: our later edit wins, Google's version is logged and overwritten.
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

        if (googleEvent.IsCancelled || !EventTypes.IsStored(eventType))
        {
            if (!googleEvent.IsCancelled)
                log.Skip(counts, userId, googleEvent, $"'{eventType}' entries are not shown in this calendar");
            return ours switch
            {
                null => GoogleApplyOutcome.Settled,
                { IsSeries: true } => await series.DeleteSeriesAsync(ours, googleUpdated, counts, cancellationToken),
                _ => await DeleteOursAsync(ours, googleUpdated, counts, cancellationToken),
            };
        }

        if (googleEvent.IsSeries)
            return await series.ApplySeriesAsync(userId, localId, googleEvent, ours, calendarTimeZone, googleUpdated, counts, cancellationToken);

        var draft = GoogleEventMapping.ToDraft(googleEvent, calendarTimeZone);
        var errors = EventValidator.Validate(draft);
        if (errors.Count > 0)
        {
            log.Skip(counts, userId, googleEvent, GooglePullLog.Reason(errors));
            return GoogleApplyOutcome.Settled;
        }

        // A re-creation (restored in Google after a delete here) continues above the deleted version.
        var version = (ours?.Version ?? await events.GetLastVersionAsync(userId, localId, cancellationToken)) + 1;
        var pulled = new CalendarEvent(
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
            new GoogleEventLink(googleEvent.Id!, googleEvent.Etag ?? string.Empty, googleUpdated, GoogleReminderMapping.EmailMinutes(googleEvent.Reminders)),
            eventType,
            Reminders: EventReminders.Stored(draft.Reminders));

        if (ours is null)
        {
            var created = await events.CreateAsync(pulled, cancellationToken);
            if (created == StoreWriteOutcome.Written)
                counts.Created++;
            return created == StoreWriteOutcome.Written ? GoogleApplyOutcome.Settled : GoogleApplyOutcome.LocalChangedMeanwhile;
        }

        if (ours.IsSeries)
            return await series.EndSeriesAsync(ours, pulled, counts, cancellationToken);

        log.LocalLoss(ours, googleUpdated, "changed");
        var replaced = await events.ReplaceAsync(pulled, ours.Version, cancellationToken);
        if (replaced == StoreWriteOutcome.Written)
            counts.Updated++;
        // Deleted locally in between: settled for now; the next full listing sees the Google event again.
        return replaced == StoreWriteOutcome.VersionConflict ? GoogleApplyOutcome.LocalChangedMeanwhile : GoogleApplyOutcome.Settled;
    }

    private async Task<GoogleApplyOutcome> DeleteOursAsync(CalendarEvent ours, DateTimeOffset googleUpdated, GooglePullCounts counts, CancellationToken cancellationToken)
    {
        log.LocalLoss(ours, googleUpdated, "deleted");
        var deleted = await events.DeleteAsync(ours.UserId, ours.EventId, ours.Version, cancellationToken);
        if (deleted == StoreWriteOutcome.Written)
            counts.Deleted++;
        return deleted == StoreWriteOutcome.VersionConflict ? GoogleApplyOutcome.LocalChangedMeanwhile : GoogleApplyOutcome.Settled;
    }
}
