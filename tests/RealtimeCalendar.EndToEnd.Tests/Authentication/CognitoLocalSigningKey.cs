using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.Authentication;

/// <summary>
/// cognito-local's own RS256 key pair, read from the installed package: tokens signed with it are signed exactly as
/// the emulator signs real ones, so a forged token differs from a genuine one only in the claims a test chooses.
/// </summary>
internal static class CognitoLocalSigningKey
{
    /// <summary>The <c>kid</c> cognito-local writes into every token and publishes in its key set.</summary>
    public const string KeyId = "CognitoLocal";

    private static readonly Lazy<RSA> PrivateKey = new(() =>
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(ReadPem("cognitoLocal.private.json"));
        return rsa;
    });

    /// <summary>The public key as the package ships it (PEM), the bytes an HS256 key-confusion attack uses as its secret.</summary>
    public static byte[] PublicKeyPemBytes => Encoding.UTF8.GetBytes(ReadPem("cognitoLocal.public.json"));

    public static SigningCredentials Credentials(string keyId = KeyId) =>
        new(new RsaSecurityKey(PrivateKey.Value) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);

    private static string ReadPem(string fileName)
    {
        // The same tool cache the fixture hands the local cloud; the cloud has installed cognito-local there before any test runs.
        var path = Path.Combine(
            LocalCloudCommandLine.DefaultDataDirectory(), "tools", "node-tools", "node_modules", "cognito-local", "lib", "keys", fileName);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("pem").GetString()
            ?? throw new InvalidDataException($"{path} has no pem.");
    }
}
