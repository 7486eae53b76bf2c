using System.Collections.Concurrent;

namespace RealtimeCalendar.Local.ManagementApi;

/// <summary>
/// Fault switches for the local Management API (all off by default): lets tests and chaos runs make chosen
/// PostToConnection calls fail the way API Gateway can (429 throttling, 5xx), to exercise retries end to end.
/// </summary>
public sealed class ManagementApiFaults
{
    private readonly ConcurrentDictionary<string, FailurePlan> plans = new(StringComparer.Ordinal);
    private long injected;

    /// <summary>How many posts were answered with an injected failure so far.</summary>
    public long InjectedFailures => Interlocked.Read(ref injected);

    /// <summary>The next <paramref name="count"/> posts to the connection answer <paramref name="statusCode"/> instead of delivering.</summary>
    public void FailNextPosts(string connectionId, int count, int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        plans[connectionId] = new FailurePlan(count, statusCode);
    }

    /// <summary>The status to answer instead of delivering, or null to deliver normally.</summary>
    internal int? TakePostFailure(string connectionId)
    {
        while (plans.TryGetValue(connectionId, out var plan))
        {
            var next = plan with { Remaining = plan.Remaining - 1 };
            var replaced = next.Remaining == 0
                ? plans.TryRemove(new KeyValuePair<string, FailurePlan>(connectionId, plan))
                : plans.TryUpdate(connectionId, next, plan);
            if (replaced)
            {
                Interlocked.Increment(ref injected);
                return plan.StatusCode;
            }
        }

        return null;
    }

    private sealed record FailurePlan(int Remaining, int StatusCode);
}
