namespace RealtimeCalendar.Aws.Identity;

/// <summary>
/// Which Cognito user pool and app clients an access token must come from, and how the pool's key set is fetched.
/// </summary>
public sealed record CognitoTokenValidationOptions
{
    /// <summary>
    /// The pool's issuer, compared to <c>iss</c> exactly: <c>https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc</c>
    /// in AWS, <c>http://127.0.0.1:9229/local_abc</c> for cognito-local.
    /// </summary>
    public required string Issuer { get; init; }

    /// <summary>App clients whose tokens are accepted (<c>client_id</c>); access tokens carry no <c>aud</c>.</summary>
    public required IReadOnlyCollection<string> AllowedClientIds { get; init; }

    /// <summary>Tolerance applied to <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Least time between two key-set fetches caused by unknown <c>kid</c>s, so forged kids cannot hammer the pool.</summary>
    public TimeSpan JwksRefreshInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one key-set fetch may take before the token is refused.</summary>
    public TimeSpan JwksTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the pool publishes its keys; defaults to <c>&lt;Issuer&gt;/.well-known/jwks.json</c>.</summary>
    public Uri JwksUri
    {
        get => field ?? new Uri(Issuer.TrimEnd('/') + "/.well-known/jwks.json", UriKind.Absolute);
        init;
    }

    /// <summary>Fails fast on configuration that would make every token fail (or, worse, every token pass).</summary>
    public void EnsureValid()
    {
        if (!Uri.TryCreate(Issuer, UriKind.Absolute, out var issuer) || (issuer.Scheme != Uri.UriSchemeHttps && issuer.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException("Issuer must be an absolute http(s) URL.", nameof(Issuer));
        if (AllowedClientIds.Count == 0 || AllowedClientIds.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("At least one app client id is required, and none may be blank.", nameof(AllowedClientIds));
        if (ClockSkew < TimeSpan.Zero)
            throw new ArgumentException("Clock skew cannot be negative.", nameof(ClockSkew));
        if (JwksRefreshInterval < TimeSpan.Zero)
            throw new ArgumentException("The key-set refresh interval cannot be negative.", nameof(JwksRefreshInterval));
        if (JwksTimeout <= TimeSpan.Zero)
            throw new ArgumentException("The key-set timeout must be positive.", nameof(JwksTimeout));
    }
}
