using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace RealtimeCalendar.Aws.Identity;

/// <summary>
/// The user pool's RS256 verification keys, fetched from its JWKS endpoint and cached. An unknown <c>kid</c> triggers a
/// refetch (that is how key rotation arrives), but at most once per <see cref="CognitoTokenValidationOptions.JwksRefreshInterval"/>
/// and one fetch at a time, so tokens with made-up kids cannot turn into a flood of requests to the pool.
/// </summary>
public sealed class CognitoJsonWebKeySet(
    HttpClient http, CognitoTokenValidationOptions options, TimeProvider time, ILogger<CognitoJsonWebKeySet> logger)
{
    /// <summary>A real pool's key set is about 1 KB; anything far larger is not one.</summary>
    public const int MaxResponseBytes = 64 * 1024;

    private const long NeverFetched = long.MinValue;

    private readonly Lock gate = new();
    private volatile FrozenDictionary<string, SecurityKey> keys = FrozenDictionary<string, SecurityKey>.Empty;
    private long lastAttemptTicks = NeverFetched;
    private Task? refreshing;

    /// <summary>
    /// The verification key with this id, or null when the pool does not publish a usable one (or could not be reached).
    /// Throws only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task<SecurityKey?> FindSigningKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        if (keys.TryGetValue(keyId, out var key))
            return key;

        Task refresh;
        lock (gate)
        {
            if (keys.TryGetValue(keyId, out key))
                return key;
            // Callers that arrive while a fetch runs wait for it (a cold start or a rotation must not reject the
            // tokens that arrive during the fetch); otherwise a new fetch starts only if the interval has passed.
            if (refreshing is { IsCompleted: false } running)
            {
                refresh = running;
            }
            else
            {
                var now = time.GetUtcNow().UtcTicks;
                if (lastAttemptTicks != NeverFetched && now - lastAttemptTicks < options.JwksRefreshInterval.Ticks)
                    return null;
                // Recorded at the start so a failing endpoint is retried no faster than a healthy one.
                lastAttemptTicks = now;
                refresh = refreshing = RefreshAsync();
            }
        }

        // The fetch is shared, so it is bounded by its own timeout and not by any one caller's token.
        await refresh.WaitAsync(cancellationToken);
        return keys.GetValueOrDefault(keyId);
    }

    private async Task RefreshAsync()
    {
        // Leave the lock before any work; the fetch must not run while the caller holds it.
        await Task.Yield();
        try
        {
            var fetched = await FetchAsync();
            if (fetched is not null)
                keys = fetched;
        }
        catch (Exception ex)
        {
            // Every waiting caller shares this task; a failure is a missing key to them, never an exception.
            logger.LogWarning("Key set fetch from {JwksUri} failed: {Failure}", options.JwksUri, ex.GetType().Name);
        }
    }

    private async Task<FrozenDictionary<string, SecurityKey>?> FetchAsync()
    {
        var uri = options.JwksUri;
        using var timeout = new CancellationTokenSource(options.JwksTimeout, time);
        string json;
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Key set fetch from {JwksUri} failed with status {StatusCode}", uri, (int)response.StatusCode);
                return null;
            }
            json = await ReadBoundedAsync(response.Content, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Key set fetch from {JwksUri} timed out after {Timeout}", uri, options.JwksTimeout);
            return null;
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("Key set fetch from {JwksUri} failed: {Failure}", uri, ex.Message);
            return null;
        }
        catch (InvalidDataException ex)
        {
            logger.LogWarning("Key set fetch from {JwksUri} failed: {Failure}", uri, ex.Message);
            return null;
        }

        var keys = Parse(json, uri);
        if (keys is not null)
            logger.LogInformation("Key set fetched from {JwksUri}: {KeyIds}", uri, string.Join(",", keys.Keys));
        return keys;
    }

    private FrozenDictionary<string, SecurityKey>? Parse(string json, Uri uri)
    {
        JsonWebKeySet set;
        try
        {
            // JsonWebKeySet reads with a hand-written Utf8JsonReader serializer (no reflection), so it is AOT-safe.
            set = new JsonWebKeySet(json);
        }
        catch (ArgumentException ex)
        {
            logger.LogWarning("Key set from {JwksUri} is not a JWKS document: {Failure}", uri, ex.GetType().Name);
            return null;
        }

        var usable = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        foreach (var jwk in set.Keys)
        {
            var key = ToVerificationKey(jwk);
            if (key is null)
            {
                logger.LogInformation("Key {KeyId} from {JwksUri} skipped: not an RSA signature key for RS256", jwk.Kid, uri);
                continue;
            }
            usable.TryAdd(key.KeyId, key);
        }
        return usable.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// Only RSA public keys meant for signatures become keys; building an <see cref="RsaSecurityKey"/> ourselves (rather
    /// than passing the JWK on) means no published key can ever be used as an HMAC secret.
    /// </summary>
    private static RsaSecurityKey? ToVerificationKey(JsonWebKey jwk)
    {
        if (string.IsNullOrEmpty(jwk.Kid) || jwk.Kty != JsonWebAlgorithmsKeyTypes.RSA)
            return null;
        if (!string.IsNullOrEmpty(jwk.Use) && jwk.Use != JsonWebKeyUseNames.Sig)
            return null;
        if (!string.IsNullOrEmpty(jwk.Alg) && jwk.Alg != SecurityAlgorithms.RsaSha256)
            return null;
        if (jwk.KeyOps.Count > 0 && !jwk.KeyOps.Contains("verify"))
            return null;
        if (string.IsNullOrEmpty(jwk.N) || string.IsNullOrEmpty(jwk.E))
            return null;
        try
        {
            var parameters = new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(jwk.N), Exponent = Base64UrlEncoder.DecodeBytes(jwk.E) };
            return new RsaSecurityKey(parameters) { KeyId = jwk.Kid };
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxResponseBytes)
            throw new InvalidDataException($"key set larger than {MaxResponseBytes} bytes");
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxResponseBytes + 1];
        var length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
            if (length > MaxResponseBytes)
                throw new InvalidDataException($"key set larger than {MaxResponseBytes} bytes");
        }
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
