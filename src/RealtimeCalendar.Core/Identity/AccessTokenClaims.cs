namespace RealtimeCalendar.Core.Identity;

/// <summary>
/// The claims that tell a Cognito user-pool access token from an ID token (Amazon Cognito Developer Guide,
/// "Understanding user pool JSON web tokens"). API Gateway's JWT authorizer checks only signature, issuer, audience
/// (<c>aud</c>, else <c>client_id</c>) and lifetime, and an ID token's <c>aud</c> is the app client id, so without a
/// scope on the route an ID token would pass; both hosts therefore require <see cref="SignedInUserScope"/>, and the
/// functions also refuse claims whose <see cref="TokenUse"/> is not <see cref="AccessTokenUse"/>.
/// </summary>
public static class AccessTokenClaims
{
    public const string Subject = "sub";
    public const string TokenUse = "token_use";
    public const string AccessTokenUse = "access";

    /// <summary>Space-separated scopes (RFC 8693 section 4.2); ID tokens have none.</summary>
    public const string Scope = "scope";

    /// <summary>
    /// The scope Cognito puts in every access token issued by user-pool sign-in (InitiateAuth, as our client uses);
    /// every signed-in HTTP route requires it (API Gateway route <c>AuthorizationScopes</c>).
    /// </summary>
    public const string SignedInUserScope = "aws.cognito.signin.user.admin";

    /// <summary>True when the claims are an access token's (<c>token_use</c> is exactly <c>access</c>).</summary>
    public static bool IsAccessToken(IReadOnlyDictionary<string, string> claims) =>
        claims.TryGetValue(TokenUse, out var use) && string.Equals(use, AccessTokenUse, StringComparison.Ordinal);

    /// <summary>True when the space-separated <c>scope</c> claim holds <paramref name="scope"/> exactly.</summary>
    public static bool HasScope(IReadOnlyDictionary<string, string> claims, string scope) =>
        claims.TryGetValue(Scope, out var scopes)
        && scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal);
}
