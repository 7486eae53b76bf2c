namespace RealtimeCalendar.Core.Limits;

/// <summary>Counts uses in a window, atomically across every function instance (a DynamoDB counter in the cloud).</summary>
public interface IUsageCounter
{
    /// <summary>Adds one use under <paramref name="key"/> and returns the count so far; the count may be forgotten after <paramref name="expiresAt"/>.</summary>
    Task<long> IncrementAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
