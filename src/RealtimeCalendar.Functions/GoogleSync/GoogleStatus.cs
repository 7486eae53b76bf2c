namespace RealtimeCalendar.Functions.GoogleSync;

/// <summary>The body of <c>GET /api/google</c>: whether the user is connected and how the last sync went.</summary>
public sealed record GoogleStatus(bool Connected, DateTimeOffset? ConnectedAt, DateTimeOffset? LastSyncAt, string? LastSyncError, bool PushChannel);
