using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Auth.OAuth2.Responses;
using RealtimeCalendar.Core.GoogleSync;

namespace RealtimeCalendar.Google.Auth;

/// <summary>
/// The authorization code flow with PKCE on Google.Apis.Auth's <see cref="AuthorizationCodeFlow"/>, which also
/// refreshes access tokens for <see cref="GoogleCalendarClientFactory"/>'s credentials.
/// </summary>
public sealed class GoogleAuthorizationFlow : IGoogleAuthorizationFlow, IDisposable
{
    public GoogleAuthorizationFlow(GoogleApiOptions options, TimeProvider time)
    {
        Flow = new PkceAuthorizationCodeFlow(new AuthorizationCodeFlow.Initializer(options.AuthorizationEndpoint.ToString(), options.TokenEndpoint.ToString())
        {
            ClientSecrets = new ClientSecrets { ClientId = options.ClientId, ClientSecret = options.ClientSecret },
            Scopes = [GoogleApiOptions.CalendarScope],
            Clock = new TimeProviderClock(time),
        });
    }

    public PkceAuthorizationCodeFlow Flow { get; }

    public Uri CreateAuthorizationUri(Uri redirectUri, string state, string codeChallenge)
    {
        var request = Flow.CreateAuthorizationCodeRequest(redirectUri.ToString());
        request.State = state;
        var uri = request.Build().AbsoluteUri;
        // access_type=offline and prompt=consent make Google return a refresh token even when the user consented before.
        return new Uri(
            uri
            + $"&code_challenge={Uri.EscapeDataString(codeChallenge)}&code_challenge_method={PkceCodes.Method}"
            + "&access_type=offline&prompt=consent&include_granted_scopes=true");
    }

    public async Task<string> ExchangeCodeAsync(string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken)
    {
        TokenResponse token;
        try
        {
            token = await Flow.ExchangeCodeWithVerifierAsync("user", code, codeVerifier, redirectUri.ToString(), cancellationToken);
        }
        catch (TokenResponseException e)
        {
            // A replayed or forged code, or a verifier that does not match the challenge: the user has to start over.
            throw new GoogleCalendarException(400, $"Google refused the authorization code: {e.Error?.Error}", e);
        }

        return token.RefreshToken is { Length: > 0 } refreshToken
            ? refreshToken
            : throw new GoogleCalendarException(502, "Google granted access without a refresh token; offline access is required.");
    }

    public void Dispose() => Flow.Dispose();
}
