namespace RealtimeCalendar.Functions.Routing;

/// <summary>
/// Every HTTP API route, declared once: the handlers dispatch on these objects (<see cref="Find"/>), the local cloud
/// routes with <see cref="All"/> and the CDK stack creates its API Gateway routes from it.
/// </summary>
public static class HttpRoutes
{
    public static readonly HttpRoute ListEvents = new("GET", "/api/events", FunctionNames.CalendarApi);
    public static readonly HttpRoute CreateEvent = new("POST", "/api/events", FunctionNames.CalendarApi);
    public static readonly HttpRoute GetEvent = new("GET", "/api/events/{id}", FunctionNames.CalendarApi);
    public static readonly HttpRoute ReplaceEvent = new("PUT", "/api/events/{id}", FunctionNames.CalendarApi);
    public static readonly HttpRoute DeleteEvent = new("DELETE", "/api/events/{id}", FunctionNames.CalendarApi);
    public static readonly HttpRoute IssueRealtimeTicket = new("POST", "/api/realtime/ticket", FunctionNames.Auth);
    public static readonly HttpRoute RevokeRealtimeTickets = new("DELETE", "/api/realtime/tickets", FunctionNames.Auth);
    public static readonly HttpRoute ChatStatus = new("GET", "/api/chat", FunctionNames.Chat);
    public static readonly HttpRoute AskChat = new("POST", "/api/chat", FunctionNames.Chat);
    public static readonly HttpRoute GoogleStatus = new("GET", "/api/google", FunctionNames.GoogleSync);
    public static readonly HttpRoute GoogleConnect = new("GET", "/api/google/connect", FunctionNames.GoogleSync);

    /// <summary>Google's redirect back (a browser navigation: no bearer token; the one-time state names the user).</summary>
    public static readonly HttpRoute GoogleCallback = new("GET", "/api/google/callback", FunctionNames.GoogleSync, RequiresAuthorization: false);

    public static readonly HttpRoute GoogleSync = new("POST", "/api/google/sync", FunctionNames.GoogleSync);

    /// <summary>Google's push notifications carry no user token; the function checks the channel token instead.</summary>
    public static readonly HttpRoute GoogleWebhook = new("POST", "/api/google/webhook", FunctionNames.GoogleSync, RequiresAuthorization: false);

    public static readonly HttpRoute GoogleDisconnect = new("DELETE", "/api/google", FunctionNames.GoogleSync);

    /// <summary>Body: the browser's <c>PushSubscription.toJSON()</c>; the same endpoint again replaces its keys.</summary>
    public static readonly HttpRoute SavePushSubscription = new("POST", "/api/push/subscriptions", FunctionNames.PushSubscriptions);

    /// <summary>Body: <c>{"endpoint":"…"}</c> (a body, not the query, so the endpoint stays out of access logs).</summary>
    public static readonly HttpRoute DeletePushSubscription = new("DELETE", "/api/push/subscriptions", FunctionNames.PushSubscriptions);
    public static readonly HttpRoute GetReminderSettings = new("GET", "/api/settings/reminders", FunctionNames.RemindersApi);
    public static readonly HttpRoute PutReminderSettings = new("PUT", "/api/settings/reminders", FunctionNames.RemindersApi);
    public static readonly HttpRoute DismissReminder = new("POST", "/api/reminders/{reminderId}/dismiss", FunctionNames.RemindersApi);
    public static readonly HttpRoute SnoozeReminder = new("POST", "/api/reminders/{reminderId}/snooze", FunctionNames.RemindersApi);

    public static readonly IReadOnlyList<HttpRoute> All =
    [
        ListEvents, CreateEvent, GetEvent, ReplaceEvent, DeleteEvent,
        IssueRealtimeTicket, RevokeRealtimeTickets,
        ChatStatus, AskChat,
        GoogleStatus, GoogleConnect, GoogleCallback, GoogleSync, GoogleWebhook, GoogleDisconnect,
        SavePushSubscription, DeletePushSubscription,
        GetReminderSettings, PutReminderSettings, DismissReminder, SnoozeReminder,
    ];

    private static readonly Dictionary<string, HttpRoute> ByRouteKey = All.ToDictionary(r => r.RouteKey, StringComparer.Ordinal);

    /// <summary>The declared route with API Gateway's <c>routeKey</c> (<c>"GET /api/events/{id}"</c>), or null.</summary>
    public static HttpRoute? Find(string? routeKey) => routeKey is not null && ByRouteKey.TryGetValue(routeKey, out var route) ? route : null;
}
