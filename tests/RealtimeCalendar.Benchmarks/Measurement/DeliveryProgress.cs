using System.Diagnostics;

namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>How many changes all sockets together have received and when the last one came, to know when the run has drained.</summary>
public sealed class DeliveryProgress
{
    private long count;
    private long lastAt;

    public long Count => Interlocked.Read(ref count);

    /// <summary><see cref="Stopwatch"/> timestamp of the latest delivery; 0 before the first.</summary>
    public long LastAt => Interlocked.Read(ref lastAt);

    public void Record(long receivedAt)
    {
        Interlocked.Increment(ref count);
        // Receive loops race; keep the latest timestamp, not the last writer's.
        var seen = Interlocked.Read(ref lastAt);
        while (receivedAt > seen)
        {
            var previous = Interlocked.CompareExchange(ref lastAt, receivedAt, seen);
            if (previous == seen)
                break;
            seen = previous;
        }
    }

    /// <summary>
    /// Waits until <paramref name="expected"/> deliveries have arrived, or until none has arrived for <paramref name="quiet"/>
    /// (counted from <paramref name="since"/> at the earliest): what has not come by then is reported missing.
    /// </summary>
    public async Task WaitForAsync(long expected, long since, TimeSpan quiet, CancellationToken cancellationToken)
    {
        while (Count < expected)
        {
            var lastActivity = Math.Max(LastAt, since);
            if (Stopwatch.GetElapsedTime(lastActivity) >= quiet)
                return;
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }
}
