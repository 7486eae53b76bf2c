using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// Connecting a Google account: <see cref="BeginAsync"/> keeps a one-time <c>state</c> (as a hash) and a PKCE verifier
/// for the signed-in user and returns Google's consent URL; <see cref="CompleteAsync"/> takes them back when Google
/// redirects to the callback, trades the code for a refresh token and runs the first sync. The callback carries no
/// sign-in, so the state is what names the user.
/// </summary>
public sealed class GoogleConnectFlow(
    IGoogleAuthorizationFlow authorization,
    IGoogleAuthorizationRequestStore requests,
    GoogleSyncService sync,
    TimeProvider time,
    ILogger<GoogleConnectFlow> logger)
{
    /// <summary>How long a user has on Google's consent page.</summary>
    public static readonly TimeSpan RequestLifetime = TimeSpan.FromMinutes(10);

    public async Task<Uri> BeginAsync(string userId, Uri redirectUri, CancellationToken cancellationToken)
    {
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var pkce = PkceCodes.Create();
        await requests.PutAsync(
            new GoogleAuthorizationRequest(HashState(state), userId, pkce.Verifier, time.GetUtcNow() + RequestLifetime),
            cancellationToken);
        return authorization.CreateAuthorizationUri(redirectUri, state, pkce.Challenge);
    }

    public async Task<GoogleConnectOutcome> CompleteAsync(
        string? state, string? code, string? error, Uri redirectUri, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state))
            return GoogleConnectOutcome.InvalidState;

        // Taken even when the user declined, so the state cannot be used again.
        var request = await requests.TakeAsync(HashState(state), time.GetUtcNow(), cancellationToken);
        if (request is null)
            return GoogleConnectOutcome.InvalidState;
        if (!string.IsNullOrEmpty(error) || string.IsNullOrEmpty(code))
        {
            logger.LogInformation("Google consent for {UserId} ended with {Error}", request.UserId, error ?? "no code");
            return GoogleConnectOutcome.Declined;
        }

        string refreshToken;
        try
        {
            refreshToken = await authorization.ExchangeCodeAsync(code, request.CodeVerifier, redirectUri, cancellationToken);
        }
        catch (GoogleCalendarException e)
        {
            logger.LogWarning("Google code exchange for {UserId} failed: {Status}", request.UserId, e.Status);
            return GoogleConnectOutcome.Failed;
        }

        try
        {
            await sync.ConnectAsync(request.UserId, refreshToken, cancellationToken);
        }
        catch (GoogleCalendarException e)
        {
            // Connected, but the first pull failed: the status shows the error and the next sync retries.
            logger.LogWarning("First Google sync for {UserId} failed: {Status}", request.UserId, e.Status);
        }

        return GoogleConnectOutcome.Connected;
    }

    // Only the hash is stored: a leaked Sessions item must not let anyone finish someone else's round trip.
    private static string HashState(string state) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(state)));
}
