namespace RealtimeCalendar.Functions.Site;

/// <summary>
/// The security headers the browser app is served with, defined once for both hosts: the CDK stack turns them into
/// CloudFront's response headers policy, the local cloud adds them to everything it serves outside the APIs (as
/// CloudFront's default behaviour does). It lives beside <see cref="Routing.HttpRoutes"/> because this project is the
/// one description of the served surface that the stack and the local cloud both reference.
/// </summary>
/// <param name="ContentSecurityPolicy">
/// Only the app's own origin, plus the two endpoints its <c>config.json</c> names: the WebSocket API and Cognito's
/// user-pool API. The Vite build needs no inline script or style (one module script, one stylesheet), so neither is
/// allowed; the page may not be framed (<c>frame-ancestors 'none'</c>). The Web Push service worker must come from the
/// app's own origin (<c>worker-src 'self'</c>, which browsers also require of any service worker).
/// </param>
public sealed record SiteSecurityHeaders(string ContentSecurityPolicy)
{
    /// <summary>Two years (HSTS preload lists ask for at least one); browsers ignore the header over plain HTTP.</summary>
    public const int StrictTransportSecurityMaxAgeSeconds = 63_072_000;

    public const string StrictTransportSecurity = "max-age=63072000; includeSubDomains";
    public const string ContentTypeOptions = "nosniff";
    public const string FrameOptions = "DENY";

    /// <summary>The app calls only its own origin and Cognito; no request needs to say where it came from.</summary>
    public const string ReferrerPolicy = "no-referrer";

    /// <summary>
    /// The policy for an app whose config names <paramref name="webSocketUrl"/> (<c>wss://…/live</c>, locally
    /// <c>ws://127.0.0.1:port/ws</c>) and <paramref name="cognitoEndpoint"/> (<c>https://cognito-idp.region.amazonaws.com/</c>).
    /// Both are used as CSP sources as they are: a path without a trailing slash matches exactly that path.
    /// </summary>
    public static SiteSecurityHeaders For(string webSocketUrl, string cognitoEndpoint) => new(string.Join("; ",
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "worker-src 'self'",
        $"connect-src 'self' {webSocketUrl} {cognitoEndpoint}",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'"));

    /// <summary>Every header by its HTTP name, as the local cloud writes them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers =>
    [
        new("Content-Security-Policy", ContentSecurityPolicy),
        new("Strict-Transport-Security", StrictTransportSecurity),
        new("X-Content-Type-Options", ContentTypeOptions),
        new("X-Frame-Options", FrameOptions),
        new("Referrer-Policy", ReferrerPolicy),
    ];
}
