using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RealtimeCalendar.EndToEnd.Tests.Authentication;

/// <summary>Reads the claims of a real token and writes new tokens from them: re-signed, unsigned, or with a swapped payload.</summary>
internal static class ForgedTokens
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>The payload of a token as an editable claim set (strings, integers, booleans, string arrays).</summary>
    public static Dictionary<string, object> ClaimsOf(string token)
    {
        var payload = Base64UrlEncoder.DecodeBytes(token.Split('.')[1]);
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => ToClaimValue(p.Value), StringComparer.Ordinal);
    }

    /// <summary>The claims with a lifetime around now: issued <paramref name="issuedAgo"/> ago, expiring <paramref name="expiresIn"/> from now.</summary>
    public static Dictionary<string, object> WithLifetime(Dictionary<string, object> claims, TimeSpan issuedAgo, TimeSpan expiresIn)
    {
        var now = DateTimeOffset.UtcNow;
        claims["iat"] = (now - issuedAgo).ToUnixTimeSeconds();
        claims["auth_time"] = (now - issuedAgo).ToUnixTimeSeconds();
        claims["exp"] = (now + expiresIn).ToUnixTimeSeconds();
        return claims;
    }

    public static string Sign(Dictionary<string, object> claims, SigningCredentials credentials) =>
        Handler.CreateToken(new SecurityTokenDescriptor { Claims = claims, SigningCredentials = credentials });

    /// <summary>An unsecured JWT (<c>alg: none</c>, empty signature) that names the pool's key.</summary>
    public static string Unsigned(Dictionary<string, object> claims)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["alg"] = "none",
            ["kid"] = CognitoLocalSigningKey.KeyId,
            ["typ"] = "JWT",
        });
        return $"{Base64UrlEncoder.Encode(header)}.{Encode(claims)}.";
    }

    /// <summary>The token's header and signature around a different payload.</summary>
    public static string WithPayload(string token, Dictionary<string, object> claims)
    {
        var parts = token.Split('.');
        return $"{parts[0]}.{Encode(claims)}.{parts[2]}";
    }

    private static string Encode(Dictionary<string, object> claims) =>
        Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(claims)));

    private static object ToClaimValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetInt64(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => value.EnumerateArray().Select(item => item.GetString()!).ToArray(),
        _ => throw new NotSupportedException($"A Cognito token claim of kind {value.ValueKind} was not expected."),
    };
}
