namespace RealtimeCalendar.Lambda.Quotas;

/// <summary>
/// API Gateway's fixed limits on the two APIs in front of the functions (API Gateway Developer Guide, "Quotas for
/// configuring and running an HTTP API in API Gateway" and "Quotas for configuring and running a WebSocket API in API
/// Gateway"; none of these can be raised). The local cloud's HTTP and WebSocket emulators enforce them the same way,
/// with the same status codes and bodies (see <c>src/RealtimeCalendar.Functions/README.md</c>, "Limits").
/// </summary>
public static class ApiGatewayQuotas
{
    /// <summary>HTTP API "Payload size: 10 MB": a larger request body is refused with 413 before any function runs.</summary>
    public const int HttpApiPayloadBytes = 10 * 1024 * 1024;

    /// <summary>
    /// HTTP API "Maximum integration timeout: 30 seconds": past it the client gets 503 <c>{"message":"Service Unavailable"}</c>
    /// while the function may still be running.
    /// </summary>
    public static readonly TimeSpan HttpApiIntegrationTimeout = TimeSpan.FromSeconds(30);

    /// <summary>WebSocket API "WebSocket frame size: 32 KB": a larger frame closes the connection with 1009.</summary>
    public const int WebSocketFrameBytes = 32 * 1024;

    /// <summary>WebSocket API "Message payload size: 128 KB": a larger message closes the connection with 1009; a larger @connections post is refused.</summary>
    public const int WebSocketMessageBytes = 128 * 1024;

    /// <summary>WebSocket API "Integration timeout: 50 milliseconds - 29 seconds".</summary>
    public static readonly TimeSpan WebSocketIntegrationTimeout = TimeSpan.FromSeconds(29);

    /// <summary>WebSocket API "Idle Connection Timeout: 10 minutes".</summary>
    public static readonly TimeSpan WebSocketIdleTimeout = TimeSpan.FromMinutes(10);

    /// <summary>WebSocket API "Connection duration for WebSocket API: 2 hours".</summary>
    public static readonly TimeSpan WebSocketConnectionDuration = TimeSpan.FromHours(2);
}
