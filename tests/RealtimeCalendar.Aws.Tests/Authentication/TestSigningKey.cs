using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace RealtimeCalendar.Aws.Tests.Authentication;

/// <summary>An RSA key pair under a kid: the private half signs test tokens, the public half is published as a JWK.</summary>
public sealed class TestSigningKey
{
    // Generated once per test run: 2048-bit generation is slow enough to notice if every test did it.
    public static readonly TestSigningKey Current = new("key-1");
    public static readonly TestSigningKey Rotated = new("key-2");
    public static readonly TestSigningKey Encryption = new("enc-1");
    public static readonly TestSigningKey Attacker = new("attacker-1");

    private readonly RSA rsa = RSA.Create(2048);

    private TestSigningKey(string keyId) => KeyId = keyId;

    public string KeyId { get; }

    public SigningCredentials Credentials =>
        new(new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);

    /// <summary>The same private key published under another kid (to sign tokens that name a kid the pool does publish).</summary>
    public SigningCredentials CredentialsNamed(string keyId) =>
        new(new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);

    public string PublicKeyPem => rsa.ExportSubjectPublicKeyInfoPem();

    public byte[] Modulus => rsa.ExportParameters(includePrivateParameters: false).Modulus!;

    /// <summary>The public JWK the way Cognito publishes it (<c>use</c> omitted when null).</summary>
    public JsonObject Jwk(string? use = "sig")
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["alg"] = "RS256",
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["kid"] = KeyId,
            ["kty"] = "RSA",
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
        };
        if (use is not null)
            jwk["use"] = use;
        return jwk;
    }

    public static string KeySet(params JsonObject[] keys) => new JsonObject { ["keys"] = new JsonArray(keys) }.ToJsonString();
}
