using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RealtimeCalendar.StandIns.WebPush;

/// <summary>
/// A push service's check of the <c>Authorization: vapid t=…, k=…</c> header (RFC 8292 section 3): the JWT is ES256
/// signed by <c>k</c>; <c>aud</c> is the push resource's origin; <c>exp</c> is in the future and at most 24 hours away;
/// <c>sub</c> is a <c>mailto:</c> or <c>https:</c> contact (RFC 8292 says SHOULD; FCM and Apple refuse tokens without);
/// <c>k</c> is the key the subscription was made with (section 4.2). Statuses as push services answer them: 401 with no
/// header, 400 for one that cannot be read, 403 for a token that does not verify or a key the subscription is not bound to.
/// </summary>
public static class VapidVerification
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    public static (VapidClaims? Claims, int Status, string? Error) Verify(string? authorization, string origin, string applicationServerKey, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(authorization))
            return (null, 401, "no Authorization header: this subscription is restricted to an application server key");
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !authorization[..space].Equals("vapid", StringComparison.OrdinalIgnoreCase))
            return (null, 400, "the Authorization scheme is not vapid");
        var parameters = Parameters(authorization[(space + 1)..]);
        if (parameters is null || !parameters.TryGetValue("t", out var token) || !parameters.TryGetValue("k", out var key))
            return (null, 400, "vapid needs the t and k parameters");

        var parts = token.Split('.');
        if (parts.Length != 3 || Decode(parts[0]) is not { } headerBytes || Decode(parts[1]) is not { } claimsBytes || Decode(parts[2]) is not { } signature)
            return (null, 400, "t is not a JWS compact serialization");
        if (Decode(key) is not { Length: 65 } keyBytes || keyBytes[0] != 0x04)
            return (null, 400, "k is not an uncompressed P-256 point in base64url");

        JsonElement header, claims;
        try
        {
            header = JsonDocument.Parse(headerBytes).RootElement.Clone();
            claims = JsonDocument.Parse(claimsBytes).RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, 400, "the JWT header or claims are not JSON");
        }

        if (header.ValueKind != JsonValueKind.Object || !header.TryGetProperty("alg", out var alg) || alg.GetString() != "ES256")
            return (null, 403, "the JWT is not ES256 (RFC 8292 section 2)");

        try
        {
            using var verifier = ECDsa.Create();
            verifier.ImportParameters(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = keyBytes[1..33], Y = keyBytes[33..] },
            });
            // JWS ES256 signatures are r || s, 32 bytes each (RFC 7518 section 3.4), which is IEEE P1363's form.
            if (signature.Length != 64 || !verifier.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256))
                return (null, 403, "the JWT signature does not verify with k");
        }
        catch (CryptographicException)
        {
            return (null, 403, "k is not a point on P-256");
        }

        if (!string.Equals(key, applicationServerKey, StringComparison.Ordinal))
            return (null, 403, "k is not the application server key this subscription was made with (RFC 8292 section 4.2)");
        if (claims.ValueKind != JsonValueKind.Object)
            return (null, 403, "the JWT claims are not an object");
        if (!claims.TryGetProperty("aud", out var aud) || aud.ValueKind != JsonValueKind.String || aud.GetString() != origin)
            return (null, 403, $"aud must be the push resource's origin {origin}");
        if (!claims.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number || !exp.TryGetInt64(out var expSeconds))
            return (null, 403, "exp is required, a NumericDate");
        var expires = DateTimeOffset.FromUnixTimeSeconds(expSeconds);
        if (expires <= now)
            return (null, 403, "the JWT has expired");
        if (expires > now + MaxLifetime)
            return (null, 403, "exp is more than 24 hours away (RFC 8292 section 2)");
        string? subject = null;
        if (!claims.TryGetProperty("sub", out var sub) || sub.ValueKind != JsonValueKind.String
            || (subject = sub.GetString()) is null || !(subject.StartsWith("mailto:", StringComparison.Ordinal) || subject.StartsWith("https:", StringComparison.Ordinal)))
            return (null, 403, "sub must be a mailto: or https: contact");

        return (new VapidClaims(aud.GetString()!, expires, subject, key), 0, null);
    }

    /// <summary>auth-params (RFC 9110 section 11.2): <c>name=value</c> pairs, comma separated, values plain or quoted.</summary>
    private static Dictionary<string, string>? Parameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                return null;
            var value = part[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
                value = value[1..^1];
            if (!result.TryAdd(part[..equals].Trim(), value))
                return null;
        }

        return result;
    }

    private static byte[]? Decode(string text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                return null;
        }

        try
        {
            return Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
