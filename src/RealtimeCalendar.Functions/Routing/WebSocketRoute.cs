namespace RealtimeCalendar.Functions.Routing;

/// <summary>One WebSocket API route and the function behind it.</summary>
public sealed record WebSocketRoute(string RouteKey, string Function, bool ReturnsResponse);
