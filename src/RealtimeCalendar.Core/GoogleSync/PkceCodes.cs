using System.Security.Cryptography;
using System.Text;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// One PKCE pair (RFC 7636, method S256): the verifier stays on our side (in the Sessions table until the callback),
/// only its SHA-256 challenge travels through the browser.
/// </summary>
public sealed record PkceCodes(string Verifier, string Challenge)
{
    public const string Method = "S256";

    public static PkceCodes Create()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new PkceCodes(verifier, ChallengeFor(verifier));
    }

    public static string ChallengeFor(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
