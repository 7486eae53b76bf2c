using RealtimeCalendar.Lambda.Quotas;

namespace RealtimeCalendar.Local.WebSockets;

/// <summary>API Gateway WebSocket limits the local gateway enforces the same way (<see cref="ApiGatewayQuotas"/>).</summary>
public sealed record WebSocketGatewayOptions
{
    public TimeSpan IdleTimeout { get; init; } = ApiGatewayQuotas.WebSocketIdleTimeout;
    public TimeSpan MaxLifetime { get; init; } = ApiGatewayQuotas.WebSocketConnectionDuration;
    public int MaxFrameBytes { get; init; } = ApiGatewayQuotas.WebSocketFrameBytes;
    public int MaxMessageBytes { get; init; } = ApiGatewayQuotas.WebSocketMessageBytes;
    public string Stage { get; init; } = "local";
}
