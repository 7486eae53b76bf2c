using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// Google's push channels (<c>events.watch</c>, <c>channels.stop</c>): opened and renewed before they expire, stopped
/// quietly, and the check that a notification carries the token we gave its channel.
/// </summary>
internal sealed class GoogleWatchChannels(
    IGoogleSyncStateStore states, IGoogleCalendarClientFactory clients, GoogleSyncOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>The user a notification is for, or null when its channel is unknown or its token wrong.</summary>
    public async Task<string?> FindNotifiedUserAsync(string? channelId, string? channelToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(channelToken))
            return null;

        var userId = await states.FindUserByChannelAsync(channelId, cancellationToken);
        var state = userId is null ? null : await states.GetAsync(userId, cancellationToken);
        if (state?.Channel is not { } channel || channel.Id != channelId || !TokenMatches(channelToken, channel.TokenHash))
        {
            logger.LogWarning("Google notification for channel {ChannelId} rejected: unknown channel or wrong token", channelId);
            return null;
        }

        return state.UserId;
    }

    /// <summary>The channel to keep: the current one, or a new one when none is open or it expires within the margin.</summary>
    public async Task<GoogleWatchChannel?> RenewIfDueAsync(
        IGoogleCalendarClient client, string userId, GoogleWatchChannel? channel, CancellationToken cancellationToken)
    {
        if (options.WebhookAddress is not { } address)
            return channel;
        if (channel is { Expiration: var expiration } && (expiration is null || expiration > time.GetUtcNow() + options.ChannelRenewalMargin))
            return channel;

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var opened = await client.WatchEventsAsync(new GoogleWatchRequest(Guid.NewGuid().ToString("N"), address, token), cancellationToken);
        if (channel is not null)
            await StopQuietlyAsync(client, userId, channel, cancellationToken);
        logger.LogInformation("Google push channel {ChannelId} opened for {UserId} until {Expiration}", opened.Id, userId, opened.Expiration);
        return new GoogleWatchChannel(opened.Id, opened.ResourceId, GoogleSyncService.HashChannelToken(token), opened.Expiration);
    }

    public async Task StopQuietlyAsync(string userId, string refreshToken, GoogleWatchChannel channel, CancellationToken cancellationToken)
    {
        using var client = clients.Create(refreshToken);
        await StopQuietlyAsync(client, userId, channel, cancellationToken);
    }

    private async Task StopQuietlyAsync(IGoogleCalendarClient client, string userId, GoogleWatchChannel channel, CancellationToken cancellationToken)
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

    private static bool TokenMatches(string token, string expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(GoogleSyncService.HashChannelToken(token)), Encoding.ASCII.GetBytes(expectedHash));
}
