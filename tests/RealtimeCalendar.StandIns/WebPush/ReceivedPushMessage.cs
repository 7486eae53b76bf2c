namespace RealtimeCalendar.StandIns.WebPush;

/// <summary>
/// One push message the stand-in accepted (201), with what a test checks: the RFC 8030 headers, the verified VAPID
/// claims, and what the user agent made of the body (<see cref="Plaintext"/>, or <see cref="DecryptionError"/>).
/// </summary>
public sealed record ReceivedPushMessage(
    string SubscriptionId,
    int TimeToLive,
    string? Urgency,
    string? Topic,
    VapidClaims Vapid,
    string? Plaintext,
    string? DecryptionError,
    DateTimeOffset ReceivedAt);
