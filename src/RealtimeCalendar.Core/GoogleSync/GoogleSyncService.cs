using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// Two-way sync between a user's events and their primary Google Calendar.
/// Pull: incremental <c>events.list</c> with the stored sync token; a 410 restarts with a full listing.
/// Push: a local create/update/delete is sent to Google and the resulting etag is recorded on the event.
/// Echoes (our writes coming back from Google) are recognized by etag and not applied again.
/// Conflict rule: the version with the later <c>updated</c> time wins; the losing version is logged.
/// Sync writes carry <see cref="SourceGoogle"/>, which is how the push side knows not to send them back.
/// </summary>
public sealed class GoogleSyncService(
    IEventStore events,
    IGoogleSyncStateStore states,
    IGoogleTokenStore tokens,
    IGoogleCalendarClientFactory clients,
    GoogleSyncOptions options,
    TimeProvider time,
    ILogger<GoogleSyncService> logger)
{
    public const string SourceGoogle = "google";

    private const int MaxAttemptsPerEvent = 3;

    /// <summary>Stores the user's refresh token, does the first full pull and opens a push channel when configured.</summary>
    public async Task<GoogleSyncResult> ConnectAsync(string userId, string refreshToken, CancellationToken cancellationToken)
    {
        await tokens.PutAsync(userId, refreshToken, cancellationToken);
        if (await states.GetAsync(userId, cancellationToken) is { Channel: { } oldChannel })
            await StopChannelQuietlyAsync(userId, refreshToken, oldChannel, cancellationToken);

        await states.PutAsync(new GoogleSyncState(userId, time.GetUtcNow(), null, null, null, null), cancellationToken);
        logger.LogInformation("Google Calendar connected for {UserId}", userId);
        return await PullAsync(userId, cancellationToken);
    }

    /// <summary>Stops the push channel and forgets the token and sync state. Events already synced stay.</summary>
    public async Task DisconnectAsync(string userId, CancellationToken cancellationToken)
    {
        var state = await states.GetAsync(userId, cancellationToken);
        var refreshToken = await tokens.GetAsync(userId, cancellationToken);
        if (state?.Channel is { } channel && refreshToken is not null)
            await StopChannelQuietlyAsync(userId, refreshToken, channel, cancellationToken);

        await tokens.DeleteAsync(userId, cancellationToken);
        await states.DeleteAsync(userId, cancellationToken);
        logger.LogInformation("Google Calendar disconnected for {UserId}", userId);
    }

    public Task<GoogleSyncState?> GetStateAsync(string userId, CancellationToken cancellationToken) => states.GetAsync(userId, cancellationToken);

    /// <summary>Pulls every change since the last pull (everything on the first one, or after Google expired the sync token).</summary>
    public async Task<GoogleSyncResult> PullAsync(string userId, CancellationToken cancellationToken)
    {
        var state = await states.GetAsync(userId, cancellationToken);
        var refreshToken = await tokens.GetAsync(userId, cancellationToken);
        if (state is null || refreshToken is null)
            return GoogleSyncResult.NotConnected;

        using var client = clients.Create(refreshToken);
        var counts = new PullCounts { FullResync = state.SyncToken is null };
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

        var channel = await RenewChannelIfDueAsync(client, userId, state.Channel, cancellationToken);
        await states.PutAsync(
            state with { SyncToken = nextSyncToken, LastSyncAt = time.GetUtcNow(), LastSyncError = null, Channel = channel },
            cancellationToken);

        var result = counts.ToResult();
        logger.LogInformation(
            "Google pull for {UserId}: {Created} created, {Updated} updated, {Deleted} deleted, {Echoes} echoes, {LocalWins} local wins, {Skipped} skipped, full {FullResync}",
            userId, result.Created, result.Updated, result.Deleted, result.Echoes, result.LocalWins, result.Skipped, result.FullResync);
        return result;
    }

    /// <summary>
    /// Sends one committed local change (the stored event before and after it, as the table's stream reports it) to
    /// Google. The event's current stored version is what is sent, so a burst of edits ends in Google's copy matching
    /// the last one.
    /// </summary>
    public async Task<GooglePushOutcome> PushAsync(string userId, CalendarEvent? before, CalendarEvent? after, CancellationToken cancellationToken)
    {
        if (after is { Source: SourceGoogle })
            return GooglePushOutcome.NotNeeded;
        if (after is not null && before is not null && after.Version == before.Version)
            return GooglePushOutcome.NotNeeded;
        if (after is null && before?.GoogleLink is null)
            return GooglePushOutcome.NotNeeded;

        // State first: it is one table read, while most users' changes would otherwise cost a secret-store miss each.
        if (await states.GetAsync(userId, cancellationToken) is null || await tokens.GetAsync(userId, cancellationToken) is not { } refreshToken)
            return GooglePushOutcome.NotConnected;

        using var client = clients.Create(refreshToken);
        if (after is null)
        {
            await DeleteOnGoogleAsync(client, userId, before!.GoogleLink!.EventId, cancellationToken);
            return GooglePushOutcome.Pushed;
        }

        var current = await events.GetAsync(userId, after.EventId, cancellationToken);
        if (current is null || current.Version != after.Version)
            return GooglePushOutcome.Superseded;

        GoogleEvent stored;
        try
        {
            stored = current.GoogleLink is { } link
                ? await client.PatchEventAsync(link.EventId, GoogleEventMapping.ToGoogle(current), link.Etag, cancellationToken)
                : await InsertOnGoogleAsync(client, current, cancellationToken);
        }
        catch (GoogleCalendarException e) when (e.IsPreconditionFailed)
        {
            logger.LogInformation("Event {EventId} of {UserId} changed on Google since our last sync; pulling to resolve", current.EventId, userId);
            await PullAsync(userId, cancellationToken);
            return GooglePushOutcome.ResolvedByPull;
        }

        await RecordLinkAsync(current, stored, cancellationToken);
        logger.LogInformation("Event {EventId} of {UserId} pushed to Google", current.EventId, userId);
        return GooglePushOutcome.Pushed;
    }

    /// <summary>
    /// A push notification from Google (<c>X-Goog-Channel-ID</c>, <c>X-Goog-Channel-Token</c>,
    /// <c>X-Goog-Resource-State</c>). Only the token we gave the channel is accepted; then the user's changes are pulled.
    /// </summary>
    public async Task<GoogleNotificationOutcome> HandleNotificationAsync(
        string? channelId, string? channelToken, string? resourceState, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(channelToken))
            return GoogleNotificationOutcome.Rejected;

        var userId = await states.FindUserByChannelAsync(channelId, cancellationToken);
        var state = userId is null ? null : await states.GetAsync(userId, cancellationToken);
        if (state?.Channel is not { } channel || channel.Id != channelId || !TokenMatches(channelToken, channel.TokenHash))
        {
            logger.LogWarning("Google notification for channel {ChannelId} rejected: unknown channel or wrong token", channelId);
            return GoogleNotificationOutcome.Rejected;
        }

        if (resourceState == "sync")
            return GoogleNotificationOutcome.Acknowledged;

        await PullAsync(state.UserId, cancellationToken);
        return GoogleNotificationOutcome.Pulled;
    }

    /// <summary>The stored form of a channel token.</summary>
    public static string HashChannelToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static bool TokenMatches(string token, string expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashChannelToken(token)), Encoding.ASCII.GetBytes(expectedHash));

    private async Task<string> PullPagesAsync(
        IGoogleCalendarClient client, string userId, string? syncToken, PullCounts counts, CancellationToken cancellationToken)
    {
        string? pageToken = null;
        while (true)
        {
            var page = await client.ListEventsAsync(new GoogleEventQuery(syncToken, pageToken), cancellationToken);
            foreach (var googleEvent in page.Items)
                await ApplyAsync(client, userId, googleEvent, page.TimeZone, counts, cancellationToken);

            pageToken = page.NextPageToken;
            if (pageToken is null)
                return page.NextSyncToken ?? throw new GoogleCalendarException(502, "Google ended an event listing without a sync token.");
        }
    }

    private async Task ApplyAsync(
        IGoogleCalendarClient client, string userId, GoogleEvent googleEvent, string? calendarTimeZone, PullCounts counts, CancellationToken cancellationToken)
    {
        if (googleEvent.Id is not { Length: > 0 } googleId)
        {
            counts.Skipped++;
            return;
        }

        var localId = GoogleEventIds.ToLocalId(googleId);
        for (var attempt = 1; attempt <= MaxAttemptsPerEvent; attempt++)
        {
            var ours = await events.GetAsync(userId, localId, cancellationToken);
            // A local writer got in between our read and write: read again and decide again.
            if (await ApplyOnceAsync(client, userId, localId, googleEvent, ours, calendarTimeZone, counts, cancellationToken) != StoreWriteOutcome.VersionConflict)
                return;
        }

        logger.LogWarning("Google event {GoogleEventId} of {UserId} kept conflicting with local writes; left for the next pull", googleId, userId);
        counts.Skipped++;
    }

    private async Task<StoreWriteOutcome> ApplyOnceAsync(
        IGoogleCalendarClient client,
        string userId,
        string localId,
        GoogleEvent googleEvent,
        CalendarEvent? ours,
        string? calendarTimeZone,
        PullCounts counts,
        CancellationToken cancellationToken)
    {
        if (ours?.GoogleLink is { } link && link.Etag == googleEvent.Etag)
        {
            counts.Echoes++;
            return StoreWriteOutcome.Written;
        }

        var googleUpdated = ToStoredPrecision(googleEvent.Updated ?? time.GetUtcNow());
        if (ours is not null && ours.UpdatedAt > googleUpdated)
        {
            // The conflict rule: our later edit wins, Google's version is logged and overwritten.
            logger.LogWarning(
                "Conflict on event {EventId} of {UserId}: local version {Version} updated {LocalUpdated} wins over Google's {GoogleStatus} version updated {GoogleUpdated} ({GoogleSummary})",
                localId, userId, ours.Version, ours.UpdatedAt, googleEvent.Status ?? "confirmed", googleUpdated, googleEvent.Summary);
            var restored = await client.PatchEventAsync(
                googleEvent.Id!, GoogleEventMapping.ToGoogle(ours, status: "confirmed"), ifMatchEtag: null, cancellationToken);
            counts.LocalWins++;
            return await RecordLinkAsync(ours, restored, cancellationToken);
        }

        if (googleEvent.IsCancelled)
        {
            if (ours is null)
                return StoreWriteOutcome.Written;
            LogLocalLoss(ours, googleUpdated, "deleted");
            var deleted = await events.DeleteAsync(userId, localId, ours.Version, cancellationToken);
            if (deleted == StoreWriteOutcome.Written)
                counts.Deleted++;
            return deleted == StoreWriteOutcome.NotFound ? StoreWriteOutcome.Written : deleted;
        }

        if (googleEvent.Recurrence is { Count: > 0 })
        {
            logger.LogInformation("Recurring Google event {GoogleEventId} of {UserId} not synced: recurrence is not supported", googleEvent.Id, userId);
            counts.Skipped++;
            return StoreWriteOutcome.Written;
        }

        var draft = GoogleEventMapping.ToDraft(googleEvent, calendarTimeZone);
        var errors = EventValidator.Validate(draft);
        if (errors.Count > 0)
        {
            logger.LogWarning(
                "Google event {GoogleEventId} of {UserId} not synced: {Errors}", googleEvent.Id, userId, string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
            counts.Skipped++;
            return StoreWriteOutcome.Written;
        }

        var googleLink = new GoogleEventLink(googleEvent.Id!, googleEvent.Etag ?? string.Empty, googleUpdated);
        var pulled = new CalendarEvent(
            userId,
            localId,
            draft.Title!,
            ToStoredPrecision(draft.Start!.Value),
            ToStoredPrecision(draft.End!.Value),
            draft.AllDay,
            draft.TimeZone!,
            draft.Description,
            draft.Location,
            (ours?.Version ?? 0) + 1,
            googleUpdated,
            SourceGoogle,
            googleLink);

        if (ours is null)
        {
            var created = await events.CreateAsync(pulled, cancellationToken);
            if (created == StoreWriteOutcome.Written)
                counts.Created++;
            return created;
        }

        LogLocalLoss(ours, googleUpdated, "changed");
        var replaced = await events.ReplaceAsync(pulled, ours.Version, cancellationToken);
        if (replaced == StoreWriteOutcome.Written)
            counts.Updated++;
        // Deleted locally in between: the next pull sees the Google event again and recreates it.
        return replaced == StoreWriteOutcome.NotFound ? StoreWriteOutcome.Written : replaced;
    }

    /// <summary>Logs the local version a Google change replaces when it held a local edit Google had not seen yet.</summary>
    private void LogLocalLoss(CalendarEvent ours, DateTimeOffset googleUpdated, string what)
    {
        if (ours.Source == SourceGoogle || (ours.GoogleLink is { } link && ours.UpdatedAt <= link.Updated))
            return;
        logger.LogWarning(
            "Conflict on event {EventId} of {UserId}: Google {What} it at {GoogleUpdated}, after local version {Version} updated {LocalUpdated} ({Title}), which loses",
            ours.EventId, ours.UserId, what, googleUpdated, ours.Version, ours.UpdatedAt, ours.Title);
    }

    private static async Task<GoogleEvent> InsertOnGoogleAsync(IGoogleCalendarClient client, CalendarEvent current, CancellationToken cancellationToken)
    {
        try
        {
            return await client.InsertEventAsync(GoogleEventMapping.ToGoogle(current, id: current.EventId), cancellationToken);
        }
        catch (GoogleCalendarException e) when (e.IsDuplicate)
        {
            // An earlier insert of ours reached Google but its answer did not reach us: update that copy instead.
            return await client.PatchEventAsync(current.EventId, GoogleEventMapping.ToGoogle(current, status: "confirmed"), null, cancellationToken);
        }
    }

    private async Task DeleteOnGoogleAsync(IGoogleCalendarClient client, string userId, string googleEventId, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteEventAsync(googleEventId, cancellationToken);
            logger.LogInformation("Google event {GoogleEventId} of {UserId} deleted", googleEventId, userId);
        }
        catch (GoogleCalendarException e) when (e.IsGone || e.IsNotFound)
        {
            // Already gone on Google (typically the deletion came from there): nothing left to do.
        }
    }

    private async Task<StoreWriteOutcome> RecordLinkAsync(CalendarEvent calendarEvent, GoogleEvent stored, CancellationToken cancellationToken)
    {
        var link = new GoogleEventLink(
            stored.Id ?? calendarEvent.EventId, stored.Etag ?? string.Empty, ToStoredPrecision(stored.Updated ?? time.GetUtcNow()));
        var outcome = await events.SetGoogleLinkAsync(calendarEvent.UserId, calendarEvent.EventId, calendarEvent.Version, link, cancellationToken);
        if (outcome != StoreWriteOutcome.Written)
        {
            // A newer local edit landed meanwhile; its own push patches Google and records the link then.
            logger.LogInformation("Link of event {EventId} not recorded: {Outcome}", calendarEvent.EventId, outcome);
        }

        return StoreWriteOutcome.Written;
    }

    private async Task<GoogleWatchChannel?> RenewChannelIfDueAsync(
        IGoogleCalendarClient client, string userId, GoogleWatchChannel? channel, CancellationToken cancellationToken)
    {
        if (options.WebhookAddress is not { } address)
            return channel;
        if (channel is { Expiration: var expiration } && (expiration is null || expiration > time.GetUtcNow() + options.ChannelRenewalMargin))
            return channel;

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var opened = await client.WatchEventsAsync(new GoogleWatchRequest(Guid.NewGuid().ToString("N"), address, token), cancellationToken);
        if (channel is not null)
            await StopChannelQuietlyAsync(client, userId, channel, cancellationToken);
        logger.LogInformation("Google push channel {ChannelId} opened for {UserId} until {Expiration}", opened.Id, userId, opened.Expiration);
        return new GoogleWatchChannel(opened.Id, opened.ResourceId, HashChannelToken(token), opened.Expiration);
    }

    private async Task StopChannelQuietlyAsync(string userId, string refreshToken, GoogleWatchChannel channel, CancellationToken cancellationToken)
    {
        using var client = clients.Create(refreshToken);
        await StopChannelQuietlyAsync(client, userId, channel, cancellationToken);
    }

    private async Task StopChannelQuietlyAsync(IGoogleCalendarClient client, string userId, GoogleWatchChannel channel, CancellationToken cancellationToken)
    {
        try
        {
            await client.StopChannelAsync(channel.Id, channel.ResourceId, cancellationToken);
        }
        catch (GoogleCalendarException e)
        {
            // A channel Google no longer knows (expired, or the grant was revoked) cannot notify us anyway.
            logger.LogInformation("Stopping Google channel {ChannelId} of {UserId} answered {Status}", channel.Id, userId, e.Status);
        }
    }

    /// <summary>Instants are kept to the millisecond, as <c>CalendarService</c> stores them.</summary>
    private static DateTimeOffset ToStoredPrecision(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }

    private sealed class PullCounts
    {
        public bool FullResync { get; set; }

        public int Created { get; set; }

        public int Updated { get; set; }

        public int Deleted { get; set; }

        public int Echoes { get; set; }

        public int LocalWins { get; set; }

        public int Skipped { get; set; }

        public GoogleSyncResult ToResult() => new(true, FullResync, Created, Updated, Deleted, Echoes, LocalWins, Skipped);
    }
}
