using RealtimeCalendar.Functions.Routing;

namespace RealtimeCalendar.Local.HttpApi;

/// <summary>A matched route and the path parameters taken from the request path.</summary>
public sealed record RouteMatch(HttpRoute Route, IReadOnlyDictionary<string, string> PathParameters);
