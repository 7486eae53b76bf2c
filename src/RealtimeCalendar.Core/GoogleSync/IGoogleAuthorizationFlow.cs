namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>The OAuth 2.0 authorization code flow with PKCE against Google's authorization server.</summary>
public interface IGoogleAuthorizationFlow
{
    /// <summary>Where to send the browser: Google's consent page, asking for offline access to the calendar.</summary>
    Uri CreateAuthorizationUri(Uri redirectUri, string state, string codeChallenge);

    /// <summary>Trades the code Google sent to the callback for the user's refresh token.</summary>
    Task<string> ExchangeCodeAsync(string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken);
}
