using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// Two-way sync between a user's events and their primary Google Calendar: connecting and disconnecting here, the
/// three directions in their own types. Pull (<see cref="GooglePull"/>): incremental <c>events.list</c> with the stored
/// sync token. Push (<see cref="GooglePush"/>): a committed local change is sent to Google. Channels
/// (<see cref="GoogleWatchChannels"/>): Google's push notifications, which trigger a pull.
/// Echoes (our writes coming back from Google) are recognized by etag and not applied again.
/// Conflict rule: the version with the later <c>updated</c> time wins; the losing version is logged. Read-only Google
/// entries (<see cref="EventTypes"/>) always take Google's side and are never sent back.
/// Sync writes carry <see cref="SourceGoogle"/>, which is how the push side knows not to send them back.
/// </summary>
public sealed class GoogleSyncService
{
    public const string SourceGoogle = "google";

    private readonly IGoogleSyncStateStore states;
    private readonly IGoogleTokenStore tokens;
    private readonly TimeProvider time;
    private readonly ILogger<GoogleSyncService> logger;
    private readonly GoogleWatchChannels channels;
    private readonly GooglePull pull;
    private readonly GooglePush push;

    public GoogleSyncService(
        IEventStore events,
        IGoogleSyncStateStore states,
        IGoogleTokenStore tokens,
        IGoogleCalendarClientFactory clients,
        GoogleSyncOptions options,
        TimeProvider time,
        ILogger<GoogleSyncService> logger)
    {
        this.states = states;
        this.tokens = tokens;
        this.time = time;
        this.logger = logger;
        channels = new GoogleWatchChannels(states, clients, options, time, logger);
        pull = new GooglePull(events, states, tokens, clients, channels, time, logger);
        push = new GooglePush(events, states, tokens, clients, pull, time, logger);
    }

    /// <summary>Stores the user's refresh token, does the first full pull and opens a push channel when configured.</summary>
    public async Task<GoogleSyncResult> ConnectAsync(string userId, string refreshToken, CancellationToken cancellationToken)
    {
        await tokens.PutAsync(userId, refreshToken, cancellationToken);
        if (await states.GetAsync(userId, cancellationToken) is { Channel: { } oldChannel })
            await channels.StopQuietlyAsync(userId, refreshToken, oldChannel, cancellationToken);

        await states.PutAsync(new GoogleSyncState(userId, time.GetUtcNow(), null, null, null, null), cancellationToken);
        logger.LogInformation("Google Calendar connected for {UserId}", userId);
        return await pull.PullAsync(userId, cancellationToken);
    }

    /// <summary>Stops the push channel and forgets the token and sync state. Events already synced stay.</summary>
    public async Task DisconnectAsync(string userId, CancellationToken cancellationToken)
    {
        var state = await states.GetAsync(userId, cancellationToken);
        var refreshToken = await tokens.GetAsync(userId, cancellationToken);
        if (state?.Channel is { } channel && refreshToken is not null)
            await channels.StopQuietlyAsync(userId, refreshToken, channel, cancellationToken);

        await tokens.DeleteAsync(userId, cancellationToken);
        await states.DeleteAsync(userId, cancellationToken);
        logger.LogInformation("Google Calendar disconnected for {UserId}", userId);
    }

    public Task<GoogleSyncState?> GetStateAsync(string userId, CancellationToken cancellationToken) => states.GetAsync(userId, cancellationToken);

    /// <summary>Pulls every change since the last pull (everything on the first one, or after Google expired the sync token).</summary>
    public Task<GoogleSyncResult> PullAsync(string userId, CancellationToken cancellationToken) => pull.PullAsync(userId, cancellationToken);

    /// <summary>
    /// Sends one committed local change (the stored event before and after it, as the table's stream reports it) to
    /// Google. The event's current stored version is what is sent, so a burst of edits ends in Google's copy matching
    /// the last one.
    /// </summary>
    public Task<GooglePushOutcome> PushAsync(string userId, CalendarEvent? before, CalendarEvent? after, CancellationToken cancellationToken) =>
        push.PushAsync(userId, before, after, cancellationToken);

    /// <summary>
    /// A push notification from Google (<c>X-Goog-Channel-ID</c>, <c>X-Goog-Channel-Token</c>,
    /// <c>X-Goog-Resource-State</c>). Only the token we gave the channel is accepted; then the user's changes are pulled.
    /// </summary>
    public async Task<GoogleNotificationOutcome> HandleNotificationAsync(
        string? channelId, string? channelToken, string? resourceState, CancellationToken cancellationToken)
    {
        if (await channels.FindNotifiedUserAsync(channelId, channelToken, cancellationToken) is not { } userId)
            return GoogleNotificationOutcome.Rejected;
        if (resourceState == "sync")
            return GoogleNotificationOutcome.Acknowledged;

        await pull.PullAsync(userId, cancellationToken);
        return GoogleNotificationOutcome.Pulled;
    }

    /// <summary>The stored form of a channel token.</summary>
    public static string HashChannelToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
