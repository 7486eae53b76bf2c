namespace RealtimeCalendar.Core.Push;

/// <summary>The bounds a push subscription is held to (Functions README, "Web Push").</summary>
public static class PushSubscriptionLimits
{
    /// <summary>Push resource URLs of FCM, Mozilla, Apple and WNS are 150 to 500 characters; this leaves room and bounds the item.</summary>
    public const int MaxEndpointLength = 2048;

    /// <summary>Browsers one user may allow at once by default (<c>PUSH_SUBSCRIPTIONS_PER_USER</c>): a phone, laptops, a few browsers each.</summary>
    public const int DefaultPerUser = 10;

    /// <summary>An uncompressed P-256 point: 0x04, then X and Y of 32 bytes each (SEC 1 section 2.3.3).</summary>
    public const int P256dhBytes = 65;

    /// <summary>RFC 8291 section 3.2: the authentication secret is 16 octets.</summary>
    public const int AuthBytes = 16;
}
