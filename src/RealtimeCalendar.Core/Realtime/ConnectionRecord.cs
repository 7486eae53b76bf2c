namespace RealtimeCalendar.Core.Realtime;

/// <summary>One open WebSocket of a user, as stored in the Connections table.</summary>
public sealed record ConnectionRecord(string ConnectionId, string UserId, DateTimeOffset ConnectedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>API Gateway closes every WebSocket after two hours; records never outlive that.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(2);
}
