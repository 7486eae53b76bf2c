namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// An OAuth round trip in progress: the SHA-256 of the <c>state</c> sent to Google, whose user started it, and the
/// PKCE verifier to send with the code. It lives minutes and can be taken once.
/// </summary>
public sealed record GoogleAuthorizationRequest(string StateHash, string UserId, string CodeVerifier, DateTimeOffset ExpiresAt);
