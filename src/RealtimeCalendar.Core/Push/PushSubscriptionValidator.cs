using System.Buffers.Text;
using System.Security.Cryptography;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Push;

/// <summary>
/// The rules a push subscription must meet before it is stored, each broken one named by its wire field
/// (<c>endpoint</c>, <c>keys.p256dh</c>, <c>keys.auth</c>, <c>expirationTime</c>):
/// <list type="bullet">
/// <item>The endpoint is an absolute https URL on the default port whose host is a DNS name (no IP literal, no
/// <c>localhost</c>, at least one dot), without user info or fragment, at most
/// <see cref="PushSubscriptionLimits.MaxEndpointLength"/> characters. Every browser's push service (FCM, Mozilla,
/// Apple, WNS) has such endpoints; the rule keeps the sender from being pointed at anything else, and makes the
/// VAPID <c>aud</c> (RFC 8292 section 2: the endpoint's origin) the same with or without a port.</item>
/// <item><c>p256dh</c> is base64url (RFC 4648 section 5, no padding) of an uncompressed point on P-256: 65 bytes,
/// first 0x04, and on the curve (RFC 8291 section 3.1).</item>
/// <item><c>auth</c> is base64url of exactly 16 bytes (RFC 8291 section 3.2).</item>
/// <item><c>expirationTime</c>, when given, is in the future.</item>
/// </list>
/// </summary>
public static class PushSubscriptionValidator
{
    public const string EndpointField = "endpoint";
    public const string P256dhField = "keys.p256dh";
    public const string AuthField = "keys.auth";
    public const string ExpirationTimeField = "expirationTime";

    public static IReadOnlyList<ValidationError> Validate(string endpoint, string p256dh, string auth, DateTimeOffset? expirationTime, DateTimeOffset now)
    {
        var errors = new List<ValidationError>();
        if (EndpointProblem(endpoint) is { } endpointProblem)
            errors.Add(new(EndpointField, endpointProblem));
        if (PublicKeyProblem(p256dh) is { } keyProblem)
            errors.Add(new(P256dhField, keyProblem));
        if (DecodeBase64Url(auth) is not { Length: PushSubscriptionLimits.AuthBytes })
            errors.Add(new(AuthField, $"Must be the base64url (no padding) of the {PushSubscriptionLimits.AuthBytes}-byte authentication secret."));
        if (expirationTime is { } expires && expires <= now)
            errors.Add(new(ExpirationTimeField, "The subscription has already expired."));
        return errors;
    }

    /// <summary>Why <paramref name="endpoint"/> cannot be a push resource URL, or null when it can.</summary>
    public static string? EndpointProblem(string endpoint)
    {
        if (endpoint.Length == 0)
            return "Required.";
        if (endpoint.Length > PushSubscriptionLimits.MaxEndpointLength)
            return $"At most {PushSubscriptionLimits.MaxEndpointLength} characters.";
        if (!Uri.IsWellFormedUriString(endpoint, UriKind.Absolute) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            return "Must be an absolute URL.";
        if (uri.Scheme != Uri.UriSchemeHttps)
            return "Must be an https URL.";
        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
            return "Must not carry user info or a fragment.";
        if (uri.HostNameType != UriHostNameType.Dns || !uri.Host.Contains('.', StringComparison.Ordinal) || IsLocalhost(uri.Host))
            return "The host must be a push service's DNS name, not an IP address or a local name.";
        if (!uri.IsDefaultPort)
            return "Push services listen on port 443; the URL names another port.";
        return null;
    }

    /// <summary>The bytes of unpadded base64url <paramref name="text"/>, or null if it is anything else (padding, whitespace, other characters).</summary>
    public static byte[]? DecodeBase64Url(string text)
    {
        if (text.Length == 0 || text.Length % 4 == 1)
            return null;
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                return null;
        }

        return Base64Url.DecodeFromChars(text);
    }

    /// <summary>Why <paramref name="publicKey"/> is not a base64url uncompressed P-256 point (a <c>p256dh</c>, or a VAPID public key), or null.</summary>
    public static string? PublicKeyProblem(string publicKey)
    {
        var key = DecodeBase64Url(publicKey);
        if (key is not { Length: PushSubscriptionLimits.P256dhBytes } || key[0] != 0x04)
            return $"Must be the base64url (no padding) of an uncompressed P-256 public key ({PushSubscriptionLimits.P256dhBytes} bytes, starting 0x04).";
        try
        {
            using var agreement = ECDiffieHellman.Create();
            agreement.ImportParameters(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = key[1..33], Y = key[33..] },
            });
            return null;
        }
        catch (CryptographicException)
        {
            return "Is not a point on the P-256 curve.";
        }
    }

    private static bool IsLocalhost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
}
