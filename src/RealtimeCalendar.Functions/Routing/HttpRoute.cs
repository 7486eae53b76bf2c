namespace RealtimeCalendar.Functions.Routing;

/// <summary>One HTTP API route: API Gateway's route key, the function behind it, and whether it needs a signed-in user.</summary>
public sealed record HttpRoute(string Method, string PathTemplate, string Function, bool RequiresAuthorization = true)
{
    public string RouteKey => $"{Method} {PathTemplate}";
}
