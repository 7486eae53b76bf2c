using System.Diagnostics;

namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>
/// Samples this process's runtime while the writes run: thread-pool queue and threads (a queue that keeps growing means
/// CPU starvation, not slow I/O) and garbage-collection pauses, which stop every socket at once and show up as tail latency.
/// </summary>
public sealed class RuntimeSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private readonly TimeSpan pauseAtStart = GC.GetTotalPauseDuration();
    private readonly int gen2AtStart = GC.CollectionCount(2);
    private readonly int gen0AtStart = GC.CollectionCount(0);
    private readonly long startedAt = Stopwatch.GetTimestamp();
    private long maxQueue;
    private int maxThreads;
    private long queueSum;
    private int samples;

    public RuntimeSampler() => sampling = Task.Run(SampleAsync);

    public async Task<RuntimeSummary> StopAsync()
    {
        await stop.CancelAsync();
        await sampling;
        var elapsed = Stopwatch.GetElapsedTime(startedAt);
        var pause = GC.GetTotalPauseDuration() - pauseAtStart;
        return new RuntimeSummary(
            maxThreads,
            maxQueue,
            samples == 0 ? 0 : (double)queueSum / samples,
            GC.CollectionCount(0) - gen0AtStart,
            GC.CollectionCount(2) - gen2AtStart,
            pause.TotalMilliseconds,
            pause / elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        if (!sampling.IsCompleted)
            await StopAsync();
        stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var queue = ThreadPool.PendingWorkItemCount;
                maxQueue = Math.Max(maxQueue, queue);
                maxThreads = Math.Max(maxThreads, ThreadPool.ThreadCount);
                queueSum += queue;
                samples++;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
