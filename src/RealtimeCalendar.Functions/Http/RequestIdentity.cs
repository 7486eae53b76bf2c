using RealtimeCalendar.Core.Identity;
using RealtimeCalendar.Lambda.Contracts.HttpApi;

namespace RealtimeCalendar.Functions.Http;

/// <summary>
/// The signed-in user of an HTTP request, taken only from the claims API Gateway's JWT authorizer
/// put in the request context. Nothing a client sends in headers or body can choose the user.
/// </summary>
public static class RequestIdentity
{
    /// <summary>
    /// The <c>sub</c> of an access token's claims; null when there are none or they are not an access token's
    /// (<c>token_use</c> other than <c>access</c>): an ID token never names the user, whatever let it through.
    /// </summary>
    public static string? UserId(APIGatewayHttpApiV2ProxyRequest request) =>
        request.RequestContext?.Authorizer?.Jwt?.Claims is { } claims
        && AccessTokenClaims.IsAccessToken(claims)
        && claims.TryGetValue(AccessTokenClaims.Subject, out var sub)
        && !string.IsNullOrWhiteSpace(sub)
            ? sub
            : null;
}
