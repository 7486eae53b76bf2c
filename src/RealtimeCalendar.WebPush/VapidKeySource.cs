using RealtimeCalendar.Core.Secrets;

namespace RealtimeCalendar.WebPush;

/// <summary>
/// Reads the VAPID private key once from its secret (an SSM SecureString in the cloud, a data-folder file locally) and
/// checks it against the public key the browsers were given (<c>config.json</c>'s <c>vapidPublicKey</c>): a push signed
/// with another key is refused by every push service (RFC 8292 section 4.2), so a mismatch stops sending with an error
/// that names the settings, never the key.
/// </summary>
public sealed class VapidKeySource(ISecretSource privateKey, string? expectedPublicKey)
{
    private VapidKeyPair? keys;

    /// <returns>The key pair, or null while the secret is not set.</returns>
    /// <exception cref="InvalidOperationException">The secret is not a P-256 private key, or it does not match the public key.</exception>
    public async Task<VapidKeyPair?> GetAsync(CancellationToken cancellationToken)
    {
        if (keys is not null)
            return keys;
        if (await privateKey.GetAsync(cancellationToken) is not { } value)
            return null;

        VapidKeyPair read;
        try
        {
            read = VapidKeyPair.FromPrivateKey(value);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"The VAPID private key secret is unusable: {e.Message}", e);
        }

        if (expectedPublicKey is not null && !string.Equals(read.PublicKey, expectedPublicKey, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The VAPID private key does not belong to the configured public key {expectedPublicKey} (VAPID_PUBLIC_KEY): browsers " +
                "subscribed with that key, so every push signed with this one would be refused. Put the matching private key or deploy its public key.");
        }

        keys = read;
        return read;
    }
}
