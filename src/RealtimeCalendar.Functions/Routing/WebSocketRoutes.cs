namespace RealtimeCalendar.Functions.Routing;

/// <summary>
/// The WebSocket API's routes, defined once for the local cloud and the CDK stack. Route selection is
/// <c>$request.body.action</c>; routes marked <see cref="WebSocketRoute.ReturnsResponse"/> have a route
/// response, so the function's return body is sent back to the socket (two-way route).
/// </summary>
public static class WebSocketRoutes
{
    public const string SelectionExpression = "$request.body.action";
    public const string Connect = "$connect";
    public const string Disconnect = "$disconnect";
    public const string Default = "$default";

    public static readonly IReadOnlyList<WebSocketRoute> All =
    [
        new(Connect, FunctionNames.WsConnect, ReturnsResponse: false),
        new(Disconnect, FunctionNames.WsConnect, ReturnsResponse: false),
        new(Default, FunctionNames.WsDefault, ReturnsResponse: true),
        new("ping", FunctionNames.WsDefault, ReturnsResponse: true),
    ];

    public static WebSocketRoute Find(string routeKey) =>
        All.FirstOrDefault(r => r.RouteKey == routeKey) ?? All.First(r => r.RouteKey == Default);
}
