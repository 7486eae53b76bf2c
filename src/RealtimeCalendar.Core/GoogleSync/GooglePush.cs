using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// Push: one committed local change (the stored event before and after it, as the table's stream reports it) is sent to
/// Google and the resulting etag recorded on the event. Changes that came from Google, and read-only Google entries,
/// are never sent back. Series and overrides are <see cref="GoogleSeriesPush"/>'s; a deleted series, override or event
/// is deleted on Google by the id its link names (a series with its exceptions, an override as its instance).
/// </summary>
internal sealed class GooglePush(
    IEventStore events,
    IGoogleSyncStateStore states,
    IGoogleTokenStore tokens,
    IGoogleCalendarClientFactory clients,
    GooglePull pull,
    TimeProvider time,
    ILogger logger)
{
    private readonly GoogleSeriesPush series = new(events, time, logger);

    public async Task<GooglePushOutcome> PushAsync(string userId, CalendarEvent? before, CalendarEvent? after, CancellationToken cancellationToken)
    {
        if (after is { Source: GoogleSyncService.SourceGoogle })
            return GooglePushOutcome.NotNeeded;
        if (after is not null && before is not null && after.Version == before.Version)
            return GooglePushOutcome.NotNeeded;
        if (after is null && before?.GoogleLink is null)
            return GooglePushOutcome.NotNeeded;
        // Google refuses (or restricts) edits of these; the API refuses them here too, so only a bug could get here.
        if (after is { IsReadOnly: true } || before is { IsReadOnly: true })
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

        try
        {
            if (current.IsSeries)
                return await series.PushSeriesAsync(client, userId, before, current, cancellationToken);
            if (current.IsInstance)
                return await series.PushOverrideAsync(client, userId, before, current, cancellationToken);

            var stored = current.GoogleLink is { } link
                ? await client.PatchEventAsync(link.EventId, GoogleEventMapping.ToGoogle(current), link.Etag, cancellationToken)
                : await InsertOnGoogleAsync(client, current, cancellationToken);
            await GoogleLinkRecorder.RecordAsync(events, current, stored, time, logger, cancellationToken);
        }
        catch (GoogleCalendarException e) when (e.IsPreconditionFailed)
        {
            logger.LogInformation("Event {EventId} of {UserId} changed on Google since our last sync; pulling to resolve", current.EventId, userId);
            await pull.PullAsync(userId, cancellationToken);
            return GooglePushOutcome.ResolvedByPull;
        }

        logger.LogInformation("Event {EventId} of {UserId} pushed to Google", current.EventId, userId);
        return GooglePushOutcome.Pushed;
    }

    /// <summary>Inserts under our own id; a 409 means an earlier insert of ours got there, and that copy is updated instead.</summary>
    internal static async Task<GoogleEvent> InsertOnGoogleAsync(IGoogleCalendarClient client, CalendarEvent current, CancellationToken cancellationToken)
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
}
