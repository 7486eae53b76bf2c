using Lib.Net.Http.WebPush;

namespace RealtimeCalendar.WebPush;

/// <summary>How reminders go out as push messages; the defaults are the documented ones (Functions README, "Web Push").</summary>
public sealed record WebPushOptions
{
    /// <summary>
    /// The VAPID <c>sub</c> claim (RFC 8292 section 2.1): a <c>mailto:</c> (or https) contact for the operator, which
    /// push services use to reach whoever runs this deployment about its traffic.
    /// </summary>
    public required string Subject { get; init; }

    /// <summary>
    /// How late a reminder may still be shown: its push message lives at the push service until this long after the
    /// reminder was due (the TTL header, RFC 8030 section 5.2), the same 15 minutes a tab that connects late still shows.
    /// A notice already past it is not sent.
    /// </summary>
    public TimeSpan Lateness { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A reminder is time-critical: <c>high</c> wakes a sleeping phone (RFC 8030 section 5.3).</summary>
    public PushMessageUrgency Urgency { get; init; } = PushMessageUrgency.High;

    /// <summary>How long each VAPID token is valid: at most 24 hours (RFC 8292 section 2); the library's default, 12 h.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Retries after the first attempt, on 429, 5xx, network errors and timeouts.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>The first backoff (jittered, doubling).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest Retry-After this sender waits for. A push service that asks for longer is not retried now: the
    /// delivery counts as failed for later, rather than being retried sooner than the service asked.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Each attempt's limit; the push service answers in well under a second when it is well.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
