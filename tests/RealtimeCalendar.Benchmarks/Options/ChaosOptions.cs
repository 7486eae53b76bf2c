using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Benchmarks.Options;

/// <summary>What the chaos scenario adds to the workload: how long it writes, and the fault rates (see <see cref="LocalFaultOptions"/>).</summary>
public sealed record ChaosOptions
{
    /// <summary>How long the writers write (at <see cref="BenchmarkOptions.WritesPerSecond"/>).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Writes per second when no rate is given: the chaos run is paced, never closed loop.</summary>
    public const double DefaultWritesPerSecond = 20;

    /// <summary>DynamoDB Local restarts, spread evenly over the write phase.</summary>
    public int DynamoDbRestarts { get; init; } = 1;

    /// <summary>After the writes, how long every socket may take to show what the table holds before the rest counts as divergent.</summary>
    public TimeSpan ConvergenceTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The rates the run turns on once the sockets are open (the restart is driven by <see cref="DynamoDbRestarts"/>).</summary>
    public LocalFaultOptions Faults { get; init; } = new()
    {
        Seed = 8,
        PostThrottleShare = 0.02,
        PostServerErrorShare = 0.02,
        SocketDropShare = 0.02,
        SocketDropInterval = TimeSpan.FromSeconds(5),
        LostDisconnectShare = 0.25,
        NotifyFailureShare = 0.02,
    };
}
