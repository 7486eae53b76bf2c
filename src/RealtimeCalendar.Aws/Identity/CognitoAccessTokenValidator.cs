using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RealtimeCalendar.Core.Identity;
using RealtimeCalendar.Core.Text;

namespace RealtimeCalendar.Aws.Identity;

/// <summary>
/// Checks a Cognito user-pool access token the way API Gateway's JWT authorizer does, plus what that authorizer leaves to
/// the code: RS256 only, a key the pool publishes, exact issuer, <c>token_use</c> "access", an allowed <c>client_id</c>,
/// lifetime on <see cref="TimeProvider"/> time. Any input, however malformed, yields a verdict rather than an exception.
/// </summary>
public sealed class CognitoAccessTokenValidator : IAccessTokenValidator
{
    /// <summary>Cognito access tokens are about 1 KB; a bound keeps hostile input from costing parse time and memory.</summary>
    public const int MaxTokenLength = 8 * 1024;

    private readonly CognitoJsonWebKeySet keys;
    private readonly CognitoTokenValidationOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<CognitoAccessTokenValidator> logger;
    private readonly HashSet<string> allowedClientIds;
    private readonly JsonWebTokenHandler handler = new();

    public CognitoAccessTokenValidator(
        CognitoJsonWebKeySet keys, CognitoTokenValidationOptions options, TimeProvider time, ILogger<CognitoAccessTokenValidator> logger)
    {
        options.EnsureValid();
        this.keys = keys;
        this.options = options;
        this.time = time;
        this.logger = logger;
        allowedClientIds = new HashSet<string>(options.AllowedClientIds, StringComparer.Ordinal);
    }

    public async Task<AccessTokenValidation> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
            return Reject(CognitoTokenRejection.Missing);
        if (token.Length > MaxTokenLength)
            return Reject(CognitoTokenRejection.TooLong);

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Parsing attacker-chosen text can fail with several exception types; all of them mean the same thing here.
            return Reject(CognitoTokenRejection.Malformed, ex.GetType().Name);
        }

        // Decided from the header before any key is looked up: "none", HS256 (public key used as HMAC secret) and
        // encrypted tokens never reach the key set, so they cannot make it refetch either.
        if (jwt.IsEncrypted || !string.Equals(jwt.Alg, SecurityAlgorithms.RsaSha256, StringComparison.Ordinal))
            return Reject(CognitoTokenRejection.AlgorithmNotAllowed, Shorten(jwt.Alg));
        if (string.IsNullOrEmpty(jwt.Kid))
            return Reject(CognitoTokenRejection.UnknownSigningKey);

        var key = await keys.FindSigningKeyAsync(jwt.Kid, cancellationToken);
        if (key is null)
            return Reject(CognitoTokenRejection.UnknownSigningKey, Shorten(jwt.Kid));

        TokenValidationResult result;
        try
        {
            result = await handler.ValidateTokenAsync(jwt, Parameters(key));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Reject(CognitoTokenRejection.Invalid, ex.GetType().Name);
        }
        if (!result.IsValid)
            return Reject(ReasonFor(result.Exception), result.Exception?.GetType().Name);

        return CheckCognitoClaims(jwt);
    }

    private TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        ValidateIssuer = true,
        ValidIssuer = options.Issuer,
        // Access tokens have no aud; the app client is checked through client_id instead.
        ValidateAudience = false,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = options.ClockSkew,
        // The built-in lifetime check reads the system clock; this one reads the TimeProvider.
        LifetimeValidator = ValidateLifetime,
    };

    /// <summary>
    /// exp/nbf against <see cref="TimeProvider"/> time with the configured skew. Throws the library's own lifetime
    /// exceptions (the handler turns them into a failed result) so the reason stays precise.
    /// </summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
            throw new SecurityTokenNoExpirationException("The token has no exp.");
        if (notBefore is not null && notBefore > expires)
            throw new SecurityTokenInvalidLifetimeException("The token's nbf is after its exp.");
        if (notBefore is not null && notBefore > now + options.ClockSkew)
            throw new SecurityTokenNotYetValidException("The token's nbf is in the future.") { NotBefore = notBefore.Value };
        if (expires < now - options.ClockSkew)
            throw new SecurityTokenExpiredException("The token's exp has passed.") { Expires = expires.Value };
        return true;
    }

    private AccessTokenValidation CheckCognitoClaims(JsonWebToken jwt)
    {
        var claims = ClaimsOf(jwt);
        // The handler's issuer check is the library's notion of equal; the pool's issuer must match to the character.
        if (!string.Equals(claims.GetValueOrDefault("iss"), options.Issuer, StringComparison.Ordinal))
            return Reject(CognitoTokenRejection.WrongIssuer, Shorten(claims.GetValueOrDefault("iss")));
        if (!AccessTokenClaims.IsAccessToken(claims))
            return Reject(CognitoTokenRejection.NotAnAccessToken, Shorten(claims.GetValueOrDefault(AccessTokenClaims.TokenUse)));
        var clientId = claims.GetValueOrDefault("client_id");
        if (clientId is null || !allowedClientIds.Contains(clientId))
            return Reject(CognitoTokenRejection.ClientNotAllowed, Shorten(clientId));
        if (string.IsNullOrEmpty(claims.GetValueOrDefault("sub")))
            return Reject(CognitoTokenRejection.MissingSubject);
        if (string.IsNullOrEmpty(claims.GetValueOrDefault("username")))
            return Reject(CognitoTokenRejection.MissingUsername);
        return AccessTokenValidation.Valid(claims);
    }

    /// <summary>
    /// Payload claims as strings. A JSON array (e.g. <c>cognito:groups</c>) becomes its items joined by spaces, the same
    /// shape <c>scope</c> already has; group names cannot contain whitespace.
    /// </summary>
    private static Dictionary<string, string> ClaimsOf(JsonWebToken jwt)
    {
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var claim in jwt.Claims)
        {
            claims[claim.Type] = claims.TryGetValue(claim.Type, out var earlier) ? earlier + " " + claim.Value : claim.Value;
        }
        return claims;
    }

    private static string ReasonFor(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => CognitoTokenRejection.Expired,
        SecurityTokenNotYetValidException => CognitoTokenRejection.NotYetValid,
        SecurityTokenNoExpirationException => CognitoTokenRejection.NoExpiry,
        SecurityTokenInvalidIssuerException => CognitoTokenRejection.WrongIssuer,
        SecurityTokenInvalidAlgorithmException => CognitoTokenRejection.AlgorithmNotAllowed,
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => CognitoTokenRejection.InvalidSignature,
        _ => CognitoTokenRejection.Invalid,
    };

    private AccessTokenValidation Reject(string reason, string? detail = null)
    {
        // Only the reason and short header/claim values go to the log, never the token (it is a bearer credential).
        logger.LogInformation("Access token rejected: {Reason} ({Detail})", reason, detail ?? "-");
        return AccessTokenValidation.Invalid(reason);
    }

    /// <summary>Header and claim values are attacker-chosen; a bound keeps one log line from carrying kilobytes.</summary>
    private static string? Shorten(string? value) => value is null ? null : TextCut.ToLengthWithEllipsis(value, 101);
}
