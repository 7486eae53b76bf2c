using RealtimeCalendar.Lambda.Contracts.HttpApi;

namespace RealtimeCalendar.Functions.Http;

/// <summary>
/// The signed-in user of an HTTP request, taken only from the claims API Gateway's JWT authorizer
/// put in the request context. Nothing a client sends in headers or body can choose the user.
/// </summary>
public static class RequestIdentity
{
    public static string? UserId(APIGatewayHttpApiV2ProxyRequest request) =>
        request.RequestContext?.Authorizer?.Jwt?.Claims is { } claims
        && claims.TryGetValue("sub", out var sub)
        && !string.IsNullOrWhiteSpace(sub)
            ? sub
            : null;
}
