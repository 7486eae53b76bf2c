namespace RealtimeCalendar.Functions.Routing;

/// <summary>
/// Every HTTP API route, defined once: the local cloud routes with this list and the CDK stack
/// creates its API Gateway routes from it.
/// </summary>
public static class HttpRoutes
{
    public static readonly IReadOnlyList<HttpRoute> All =
    [
        new("GET", "/api/events", FunctionNames.CalendarApi),
        new("POST", "/api/events", FunctionNames.CalendarApi),
        new("GET", "/api/events/{id}", FunctionNames.CalendarApi),
        new("PUT", "/api/events/{id}", FunctionNames.CalendarApi),
        new("DELETE", "/api/events/{id}", FunctionNames.CalendarApi),
        new("POST", "/api/realtime/ticket", FunctionNames.Auth),
        new("DELETE", "/api/realtime/tickets", FunctionNames.Auth),
        new("GET", "/api/chat", FunctionNames.Chat),
        new("POST", "/api/chat", FunctionNames.Chat),
        new("GET", "/api/google", FunctionNames.GoogleSync),
        new("GET", "/api/google/connect", FunctionNames.GoogleSync),
        // Google's redirect back (a browser navigation: no bearer token; the one-time state names the user).
        new("GET", "/api/google/callback", FunctionNames.GoogleSync, RequiresAuthorization: false),
        new("POST", "/api/google/sync", FunctionNames.GoogleSync),
        // Google's push notifications carry no user token; the function checks the channel token instead.
        new("POST", "/api/google/webhook", FunctionNames.GoogleSync, RequiresAuthorization: false),
        new("DELETE", "/api/google", FunctionNames.GoogleSync),
    ];
}
