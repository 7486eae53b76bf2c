namespace RealtimeCalendar.Local.WebSockets;

/// <summary>API Gateway WebSocket limits the local gateway enforces the same way.</summary>
public sealed record WebSocketGatewayOptions
{
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan MaxLifetime { get; init; } = TimeSpan.FromHours(2);
    public int MaxMessageBytes { get; init; } = 128 * 1024;
    public string Stage { get; init; } = "local";
}
