using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Auth.OAuth2.Requests;
using Google.Apis.Auth.OAuth2.Responses;

namespace RealtimeCalendar.Google.Auth;

/// <summary>
/// <see cref="AuthorizationCodeFlow"/> with its verifier-carrying code exchange made callable: the library keeps the
/// overload that takes a full <see cref="AuthorizationCodeTokenRequest"/> (with <c>code_verifier</c>) protected.
/// </summary>
public sealed class PkceAuthorizationCodeFlow(AuthorizationCodeFlow.Initializer initializer) : AuthorizationCodeFlow(initializer)
{
    public Task<TokenResponse> ExchangeCodeWithVerifierAsync(
        string userId, string code, string codeVerifier, string redirectUri, CancellationToken cancellationToken) =>
        ExchangeCodeForTokenAsync(
            userId,
            new AuthorizationCodeTokenRequest { Code = code, CodeVerifier = codeVerifier, RedirectUri = redirectUri },
            cancellationToken);
}
