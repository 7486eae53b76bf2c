using System.Collections.Concurrent;

namespace RealtimeCalendar.Local.ManagementApi;

/// <summary>
/// Fault switches for the local Management API (all off by default): lets tests and chaos runs make PostToConnection
/// calls fail the way API Gateway can (429 throttling, 5xx, 410 for a connection it has lost), to exercise retries and
/// the clean-up of dead connections end to end. The random shares draw from one seeded <see cref="Random"/>, so a run
/// with the same seed and the same order of posts injects the same faults.
/// </summary>
public sealed class ManagementApiFaults(int seed = 1)
{
    private readonly ConcurrentDictionary<string, FailurePlan> plans = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> lost = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> answeredGone = new(StringComparer.Ordinal);
    private readonly Random random = new(seed);
    private readonly Lock randomLock = new();
    private double throttleShare;
    private double serverErrorShare;
    private long injected;
    private long goneAnswers;

    /// <summary>Share of posts (0..1) answered 429 Too Many Requests instead of being delivered.</summary>
    public double ThrottleShare
    {
        get => Volatile.Read(ref throttleShare);
        set => Volatile.Write(ref throttleShare, Share(value));
    }

    /// <summary>Share of posts (0..1) answered 500 Internal Server Error instead of being delivered.</summary>
    public double ServerErrorShare
    {
        get => Volatile.Read(ref serverErrorShare);
        set => Volatile.Write(ref serverErrorShare, Share(value));
    }

    /// <summary>How many posts were answered with an injected 429/5xx (or a planned status) so far.</summary>
    public long InjectedFailures => Interlocked.Read(ref injected);

    /// <summary>How many posts were answered 410, injected or because the socket was really gone.</summary>
    public long GoneAnswers => Interlocked.Read(ref goneAnswers);

    /// <summary>Every connection a post was answered 410 for: notify must have deleted each one's record.</summary>
    public IReadOnlyCollection<string> GoneConnectionIds => [.. answeredGone.Keys];

    /// <summary>The next <paramref name="count"/> posts to the connection answer <paramref name="statusCode"/> instead of delivering.</summary>
    public void FailNextPosts(string connectionId, int count, int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        plans[connectionId] = new FailurePlan(count, statusCode);
    }

    /// <summary>
    /// From now on the connection is one API Gateway has lost: posts to it answer 410 and the local gateway drops its socket
    /// without a <c>$disconnect</c>, so its record stays behind until notify meets the 410 and deletes it.
    /// </summary>
    public void MarkGone(string connectionId) => lost[connectionId] = true;

    internal bool IsMarkedGone(string connectionId) => lost.ContainsKey(connectionId);

    internal void RecordGone(string connectionId)
    {
        Interlocked.Increment(ref goneAnswers);
        answeredGone[connectionId] = true;
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

        var (throttle, serverError) = (ThrottleShare, ServerErrorShare);
        if (throttle + serverError <= 0)
            return null;

        double draw;
        lock (randomLock)
            draw = random.NextDouble();
        int? status = draw < throttle ? 429 : draw < throttle + serverError ? 500 : null;
        if (status is not null)
            Interlocked.Increment(ref injected);
        return status;
    }

    private static double Share(double value) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A share is between 0 and 1.");

    private sealed record FailurePlan(int Remaining, int StatusCode);
}
