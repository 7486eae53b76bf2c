using RealtimeCalendar.Core.Identity;

namespace RealtimeCalendar.Local.HttpApi;

/// <summary>
/// Plays API Gateway's JWT authorizer with the product's own Cognito token validation: a bearer access token
/// in <c>Authorization</c>, whose verified claims go to the function in <c>requestContext.authorizer.jwt.claims</c>.
/// </summary>
public sealed class JwtAuthorizer(IAccessTokenValidator tokens) : IHttpApiAuthorizer
{
    public async Task<HttpApiAuthorization> AuthorizeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return HttpApiAuthorization.Deny("Missing bearer access token");

        var validation = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), cancellationToken);
        return validation.IsValid ? HttpApiAuthorization.Allow(validation.Claims!) : HttpApiAuthorization.Deny(validation.Error ?? "Invalid token");
    }
}
