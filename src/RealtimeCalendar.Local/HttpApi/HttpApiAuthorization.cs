namespace RealtimeCalendar.Local.HttpApi;

/// <summary>The authorizer's verdict: the claims to pass on, or why the request is refused.</summary>
public sealed record HttpApiAuthorization(IReadOnlyDictionary<string, string>? Claims, string? Error)
{
    public bool IsAuthorized => Claims is not null;

    public static HttpApiAuthorization Allow(IReadOnlyDictionary<string, string> claims) => new(claims, null);

    public static HttpApiAuthorization Deny(string error) => new(null, error);
}
