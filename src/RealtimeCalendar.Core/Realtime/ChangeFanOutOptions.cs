namespace RealtimeCalendar.Core.Realtime;

/// <summary>Bounds and retry policy for sending one change to every socket of a user.</summary>
public sealed record ChangeFanOutOptions
{
    /// <summary>Posts in flight at once for one user; bounds the load one change puts on the Management API.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 16;

    /// <summary>Retries after the first post of a transient failure (429, 5xx, no answer); 0 disables retry.</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>First backoff; later ones grow exponentially, with jitter so throttled senders spread out.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Cap on any one backoff, so a stream batch never stalls long on one socket.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A connection younger than this keeps its record when a post answers 410. <c>ws-connect</c> stores the record
    /// before API Gateway finishes <c>$connect</c>, and a post in between answers 410 although the socket is about to
    /// open: deleting the record then would leave that tab without pushes until it reconnects. A socket that really is
    /// gone is deleted by the first 410 after this age, or by the table's TTL.
    /// </summary>
    public TimeSpan HandshakeGrace { get; init; } = TimeSpan.FromSeconds(30);
}
