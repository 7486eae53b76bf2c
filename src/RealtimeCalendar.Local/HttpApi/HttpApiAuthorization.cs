namespace RealtimeCalendar.Local.HttpApi;

/// <summary>
/// The authorizer's verdict: the claims to pass on, or why the request is refused. <see cref="Forbidden"/> marks a
/// valid token without the route's scope, which API Gateway answers with 403 rather than 401.
/// </summary>
public sealed record HttpApiAuthorization(IReadOnlyDictionary<string, string>? Claims, string? Error, bool Forbidden = false)
{
    public bool IsAuthorized => Claims is not null;

    public static HttpApiAuthorization Allow(IReadOnlyDictionary<string, string> claims) => new(claims, null);

    public static HttpApiAuthorization Deny(string error) => new(null, error);

    public static HttpApiAuthorization DenyScope(string requiredScope) => new(null, $"expected scopes: [{requiredScope}]", Forbidden: true);
}
