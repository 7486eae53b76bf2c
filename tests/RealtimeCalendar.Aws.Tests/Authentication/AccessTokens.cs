using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RealtimeCalendar.Aws.Tests.Authentication;

/// <summary>Builds Cognito-shaped tokens (claims as a user pool issues them) and signs them, honestly or not.</summary>
public sealed class AccessTokens(string issuer, TimeProvider time)
{
    public const string ClientId = "web-client";
    public const string OtherClientId = "other-app-client";
    public const string Subject = "5f1c7d2e-8a41-4b7e-9a53-1f0c2d3e4a5b";
    public const string Username = "ada@example.com";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>The claims of a fresh access token, valid for an hour from the fake clock's now.</summary>
    public Dictionary<string, object> AccessClaims()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        return new Dictionary<string, object>
        {
            ["sub"] = Subject,
            ["cognito:groups"] = new[] { "editors", "owners" },
            ["iss"] = issuer,
            ["client_id"] = ClientId,
            ["origin_jti"] = Guid.NewGuid().ToString(),
            ["event_id"] = Guid.NewGuid().ToString(),
            ["token_use"] = "access",
            ["scope"] = "aws.cognito.signin.user.admin",
            ["auth_time"] = now,
            ["exp"] = now + 3600,
            ["iat"] = now,
            ["jti"] = Guid.NewGuid().ToString(),
            ["username"] = Username,
        };
    }

    /// <summary>The claims of an ID token from the same pool: <c>token_use</c> id, an <c>aud</c>, no <c>client_id</c>.</summary>
    public Dictionary<string, object> IdTokenClaims()
    {
        var claims = AccessClaims();
        claims.Remove("client_id");
        claims.Remove("scope");
        claims["token_use"] = "id";
        claims["aud"] = ClientId;
        claims["email"] = Username;
        claims["cognito:username"] = Username;
        return claims;
    }

    public string Create(TestSigningKey key) => Sign(AccessClaims(), key.Credentials);

    public static string Sign(Dictionary<string, object> claims, SigningCredentials credentials) =>
        Handler.CreateToken(new SecurityTokenDescriptor { Claims = claims, SigningCredentials = credentials });

    /// <summary>An unsecured JWT: the given <c>alg</c> in the header and an empty signature.</summary>
    public static string WithoutSignature(Dictionary<string, object> claims, string alg, string keyId)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = alg, ["kid"] = keyId, ["typ"] = "JWT" });
        return $"{Base64UrlEncoder.Encode(header)}.{Payload(claims)}.";
    }

    /// <summary>Replaces a signed token's payload and keeps its original signature.</summary>
    public static string WithPayload(string token, Dictionary<string, object> claims)
    {
        var parts = token.Split('.');
        return $"{parts[0]}.{Payload(claims)}.{parts[2]}";
    }

    private static string Payload(Dictionary<string, object> claims) =>
        Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(claims)));
}
