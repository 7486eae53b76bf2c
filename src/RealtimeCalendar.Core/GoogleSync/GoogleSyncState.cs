namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// A user's Google connection: the sync token of the last completed pull (null before the first one or after a
/// 410), the push channel if one is open, and how the last sync went (shown to the user).
/// </summary>
public sealed record GoogleSyncState(
    string UserId,
    DateTimeOffset ConnectedAt,
    string? SyncToken,
    GoogleWatchChannel? Channel,
    DateTimeOffset? LastSyncAt,
    string? LastSyncError);
