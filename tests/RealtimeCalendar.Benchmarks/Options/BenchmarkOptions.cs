namespace RealtimeCalendar.Benchmarks.Options;

/// <summary>What one benchmark run does; every field has a command-line flag (see <see cref="BenchmarkCommandLine"/>).</summary>
public sealed record BenchmarkOptions
{
    /// <summary>WebSockets held open for the whole run, spread evenly over the users.</summary>
    public int Sockets { get; init; } = 1_000;

    /// <summary>Signed-in users that own the sockets and make the writes.</summary>
    public int Users { get; init; } = 50;

    /// <summary>Writes through the HTTP API (creates, plus updates with If-Match).</summary>
    public int Writes { get; init; } = 2_000;

    /// <summary>Concurrent writers; each user's writes are serialized, so more writers than users adds nothing.</summary>
    public int Writers { get; init; } = 8;

    /// <summary>Target writes per second over all writers; 0 sends as fast as the writers get answers (closed loop).</summary>
    public double WritesPerSecond { get; init; }

    /// <summary>Share of writes that update one of the user's earlier events (PUT with If-Match) instead of creating one.</summary>
    public double UpdateShare { get; init; } = 0.3;

    /// <summary>Sockets being opened at once (ticket request plus handshake).</summary>
    public int ConnectConcurrency { get; init; } = 32;

    /// <summary>Writes made and delivered before the measured ones (same writers, rate and sockets), so JIT tiering, connection pools and caches have settled.</summary>
    public int WarmUpWrites { get; init; } = 100;

    /// <summary>Sequential writes to a scratch table whose stream is read by the same poller, to measure the floor.</summary>
    public int FloorProbeWrites { get; init; } = 200;

    /// <summary>After the last write, how long to wait without any new delivery before counting what is missing.</summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the JSON report goes; the text summary is written beside it with a <c>.txt</c> extension.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Seed of the workload's choices (which writes are updates, which event they update), so runs are comparable.</summary>
    public int Seed { get; init; } = 20_261_124;

    /// <summary>Push latency (default) or the chaos run.</summary>
    public BenchmarkScenario Scenario { get; init; } = BenchmarkScenario.PushLatency;

    /// <summary>Settings only the chaos run reads.</summary>
    public ChaosOptions Chaos { get; init; } = new();

    /// <summary>Measured listings per view and calendar in the range-query scenario.</summary>
    public int RangeQueryIterations { get; init; } = 200;

    /// <summary>Settings only the reminders scenario reads.</summary>
    public ReminderBenchmarkOptions Reminders { get; init; } = new();

    /// <summary>Cold starts measured per binary in the cold-start scenario.</summary>
    public int ColdStartRuns { get; init; } = 10;

    /// <summary>Folder of the downloaded stand-ins (DynamoDB Local, cognito-local), shared with dev runs and tests.</summary>
    public required string ToolCacheDirectory { get; init; }
}
