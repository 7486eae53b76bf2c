using RealtimeCalendar.Core.Identity;

namespace RealtimeCalendar.Local.HttpApi;

/// <summary>
/// Plays API Gateway's JWT authorizer with the product's own Cognito token validation: a bearer access token
/// in <c>Authorization</c>, whose verified claims go to the function in <c>requestContext.authorizer.jwt.claims</c>.
/// Like the cloud's routes (deploy: <c>AuthorizationScopes</c>), every signed-in route requires
/// <see cref="AccessTokenClaims.SignedInUserScope"/>; a valid token without it is refused as API Gateway refuses it
/// (403 Forbidden).
/// </summary>
public sealed class JwtAuthorizer(IAccessTokenValidator tokens) : IHttpApiAuthorizer
{
    public async Task<HttpApiAuthorization> AuthorizeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return HttpApiAuthorization.Deny("Missing bearer access token");

        var validation = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), cancellationToken);
        if (!validation.IsValid)
            return HttpApiAuthorization.Deny(validation.Error ?? "Invalid token");
        return AccessTokenClaims.HasScope(validation.Claims!, AccessTokenClaims.SignedInUserScope)
            ? HttpApiAuthorization.Allow(validation.Claims!)
            : HttpApiAuthorization.DenyScope(AccessTokenClaims.SignedInUserScope);
    }
}
