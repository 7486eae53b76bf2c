namespace RealtimeCalendar.Core.Push;

/// <summary>
/// One browser's push message subscription (RFC 8030 section 4), as the W3C Push API's <c>PushSubscription.toJSON()</c>
/// gives it: the push resource to send push messages to, and the user agent's keys for message encryption
/// (RFC 8291 section 2: <c>ua_public</c> and <c>auth_secret</c>).
/// </summary>
/// <param name="Endpoint">The push resource URL (https, port 443), exactly as the browser gave it.</param>
/// <param name="P256dh">The user agent's ECDH public key on P-256, an uncompressed point (65 bytes), base64url without padding.</param>
/// <param name="Auth">The authentication secret (16 bytes), base64url without padding.</param>
/// <param name="ExpirationTime">When the push service ends the subscription, when the browser said (most do not).</param>
/// <param name="CreatedAt">When it was stored (or stored again).</param>
public sealed record PushSubscription(string Endpoint, string P256dh, string Auth, DateTimeOffset? ExpirationTime, DateTimeOffset CreatedAt);
