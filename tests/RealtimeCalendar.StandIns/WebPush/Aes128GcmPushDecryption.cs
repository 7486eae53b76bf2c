using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace RealtimeCalendar.StandIns.WebPush;

/// <summary>
/// What the user agent does with a push message body: RFC 8291's key derivation (section 3.3 and 3.4) feeding RFC 8188's
/// aes128gcm content coding, written from the RFCs with the BCL's ECDH, HKDF and AES-GCM, independently of the library
/// the sender uses, so an error on either side shows up as a failed decryption.
/// </summary>
public static class Aes128GcmPushDecryption
{
    /// <summary>RFC 8188 section 2.1: salt (16) + rs (4) + idlen (1); RFC 8291 section 4: the keyid is the 65-byte as_public.</summary>
    private const int HeaderLength = 16 + 4 + 1 + 65;

    private const int TagLength = 16;

    private static readonly byte[] KeyInfoPrefix = Encoding.ASCII.GetBytes("WebPush: info\0");
    private static readonly byte[] ContentEncryptionKeyInfo = Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0");
    private static readonly byte[] NonceInfo = Encoding.ASCII.GetBytes("Content-Encoding: nonce\0");

    /// <summary>The plaintext of <paramref name="body"/>, or why the user agent could not read it.</summary>
    public static (byte[]? Plaintext, string? Error) Decrypt(UserAgentSubscription subscription, ReadOnlySpan<byte> body)
    {
        if (body.Length < HeaderLength + TagLength + 1)
            return (null, "shorter than the aes128gcm header and one record");
        var salt = body[..16].ToArray();
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body[16..20]);
        var keyIdLength = body[20];
        if (keyIdLength != 65)
            return (null, $"keyid is {keyIdLength} bytes; RFC 8291 section 4 puts the 65-byte as_public there");
        var applicationServerPublic = body[21..HeaderLength].ToArray();
        var record = body[HeaderLength..];
        // RFC 8291 section 4: a push message is a single record, so a minimal user agent reads only one.
        if (recordSize < 18 || record.Length > recordSize)
            return (null, $"the body holds more than one record of size {recordSize} (RFC 8291 section 4 allows one)");

        byte[] ecdhSecret;
        try
        {
            using var sender = ECDiffieHellman.Create();
            sender.ImportParameters(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = applicationServerPublic[1..33], Y = applicationServerPublic[33..] },
            });
            ecdhSecret = subscription.KeyPair.DeriveRawSecretAgreement(sender.PublicKey);
        }
        catch (CryptographicException e)
        {
            return (null, "as_public is not a P-256 point: " + e.Message);
        }

        // RFC 8291 section 3.4: PRK_key = HKDF-Extract(auth_secret, ecdh_secret); IKM = HKDF-Expand(PRK_key, key_info, 32).
        var keyPseudoRandom = HKDF.Extract(HashAlgorithmName.SHA256, ecdhSecret, subscription.AuthSecret);
        byte[] keyInfo = [.. KeyInfoPrefix, .. subscription.PublicKey, .. applicationServerPublic];
        var inputKeyingMaterial = HKDF.Expand(HashAlgorithmName.SHA256, keyPseudoRandom, 32, keyInfo);

        // RFC 8188 section 2.2 and 2.3: PRK = HKDF-Extract(salt, IKM); CEK and NONCE from their info strings.
        var pseudoRandom = HKDF.Extract(HashAlgorithmName.SHA256, inputKeyingMaterial, salt);
        var contentEncryptionKey = HKDF.Expand(HashAlgorithmName.SHA256, pseudoRandom, 16, ContentEncryptionKeyInfo);
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, pseudoRandom, 12, NonceInfo);

        var padded = new byte[record.Length - TagLength];
        try
        {
            using var aes = new AesGcm(contentEncryptionKey, TagLength);
            // The first record's sequence number is 0, so its nonce is NONCE itself.
            aes.Decrypt(nonce, record[..^TagLength], record[^TagLength..], padded);
        }
        catch (AuthenticationTagMismatchException)
        {
            return (null, "the record does not decrypt with this subscription's keys (tag mismatch)");
        }

        // RFC 8188 section 2: plaintext, then the delimiter (2 in the last record), then any zeros.
        var end = padded.Length - 1;
        while (end >= 0 && padded[end] == 0)
            end--;
        if (end < 0 || padded[end] != 2)
            return (null, "the last record does not end with the delimiter 0x02");
        return (padded[..end], null);
    }
}
