using System.Buffers.Text;
using System.Security.Cryptography;

namespace RealtimeCalendar.StandIns.WebPush;

/// <summary>
/// The browser's side of one push subscription, as <c>pushManager.subscribe({applicationServerKey})</c> makes it: an
/// ECDH key pair on P-256 and a 16-byte authentication secret (RFC 8291 section 3), the push resource the push service
/// handed out, and the application server key the subscription is restricted to (RFC 8292 section 4). Its private key
/// never leaves the test; the stand-in uses it to decrypt what it receives, as the user agent would.
/// </summary>
public sealed class UserAgentSubscription : IDisposable
{
    internal UserAgentSubscription(string id, string endpoint, string applicationServerKey)
    {
        Id = id;
        Endpoint = endpoint;
        ApplicationServerKey = applicationServerKey;
        KeyPair = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = KeyPair.ExportParameters(includePrivateParameters: false).Q;
        PublicKey = [0x04, .. point.X!, .. point.Y!];
        AuthSecret = RandomNumberGenerator.GetBytes(16);
    }

    public string Id { get; }

    /// <summary>The push resource URL, <c>https://push.standin.test/push/{id}</c>.</summary>
    public string Endpoint { get; }

    /// <summary>The VAPID public key (base64url) this subscription only accepts messages signed by.</summary>
    public string ApplicationServerKey { get; }

    /// <summary><c>keys.p256dh</c> of <c>toJSON()</c>: the uncompressed public point, base64url.</summary>
    public string P256dh => Base64Url.EncodeToString(PublicKey);

    /// <summary><c>keys.auth</c> of <c>toJSON()</c>, base64url.</summary>
    public string Auth => Base64Url.EncodeToString(AuthSecret);

    internal ECDiffieHellman KeyPair { get; }

    internal byte[] PublicKey { get; }

    internal byte[] AuthSecret { get; }

    /// <summary>The JSON a browser's <c>PushSubscription.toJSON()</c> gives for this subscription.</summary>
    public string ToJson() =>
        $$$"""{"endpoint":"{{{Endpoint}}}","expirationTime":null,"keys":{"p256dh":"{{{P256dh}}}","auth":"{{{Auth}}}"}}""";

    public void Dispose() => KeyPair.Dispose();
}
