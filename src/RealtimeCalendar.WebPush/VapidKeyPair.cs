using System.Buffers.Text;
using System.Security.Cryptography;
using RealtimeCalendar.Core.Push;

namespace RealtimeCalendar.WebPush;

/// <summary>
/// The application server's VAPID key pair (RFC 8292 section 3.2): an ECDSA key on P-256. <see cref="PublicKey"/> is the
/// uncompressed point in base64url, the browser's <c>applicationServerKey</c> and the <c>k</c> of every request;
/// <see cref="PrivateKey"/> is the 32-byte scalar in base64url, the format <c>npx web-push generate-vapid-keys</c> prints
/// and the SSM parameter holds. <see cref="ToString"/> never shows the private key.
/// </summary>
public sealed class VapidKeyPair
{
    private const int PrivateKeyBytes = 32;

    private VapidKeyPair(string publicKey, string privateKey)
    {
        PublicKey = publicKey;
        PrivateKey = privateKey;
    }

    public string PublicKey { get; }

    public string PrivateKey { get; }

    /// <summary>A new random key pair (the local cloud makes one once and keeps it in its data folder).</summary>
    public static VapidKeyPair Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        try
        {
            return new VapidKeyPair(Encode(parameters.Q), Base64Url.EncodeToString(parameters.D));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    /// <summary>The pair whose private key is <paramref name="privateKey"/>: the public key is computed from it.</summary>
    /// <exception cref="FormatException">Not the base64url of a 32-byte P-256 private key (the message never quotes it).</exception>
    public static VapidKeyPair FromPrivateKey(string privateKey)
    {
        var scalar = PushSubscriptionValidator.DecodeBase64Url(privateKey.Trim());
        if (scalar is not { Length: PrivateKeyBytes })
            throw new FormatException($"A VAPID private key is the base64url (no padding) of {PrivateKeyBytes} bytes.");
        try
        {
            using var key = ECDsa.Create();
            key.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = scalar });
            return new VapidKeyPair(Encode(key.ExportParameters(includePrivateParameters: false).Q), privateKey.Trim());
        }
        catch (CryptographicException)
        {
            throw new FormatException("The VAPID private key is not a valid P-256 private key.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    public override string ToString() => $"VapidKeyPair {{ PublicKey = {PublicKey}, PrivateKey = (set) }}";

    private static string Encode(ECPoint point) => Base64Url.EncodeToString([0x04, .. point.X!, .. point.Y!]);
}
