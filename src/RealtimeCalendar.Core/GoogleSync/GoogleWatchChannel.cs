namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// A push channel Google opened for us. Only the SHA-256 of the channel token is kept: it is the webhook's shared
/// secret, and a leaked state record must not let anyone forge notifications.
/// </summary>
public sealed record GoogleWatchChannel(string Id, string ResourceId, string TokenHash, DateTimeOffset? Expiration);
