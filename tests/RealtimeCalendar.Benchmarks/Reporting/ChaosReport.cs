using RealtimeCalendar.Benchmarks.Measurement;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Benchmarks.Reporting;

/// <summary>Everything one chaos run measured; written as JSON and as the text summary.</summary>
public sealed record ChaosReport(
    DateTimeOffset StartedAt,
    MachineSnapshot MachineBefore,
    MachineSnapshot MachineAfter,
    RunSettings Settings,
    TimeSpan Duration,
    LocalFaultOptions FaultRates,
    TimeSpan SocketsOpenedIn,
    WriteSummary Writes,
    ChaosDeliveries Deliveries,
    ViewComparison Comparison,
    TimeSpan ConvergedIn,
    int ServerErrors,
    IReadOnlyDictionary<string, int> ServerErrorsByCall,
    ChaosFaultsSeen Faults,
    ConnectionCleanup Cleanup,
    LatencySummary LatencyFromResponse,
    LatencySummary LatencyFromSend,
    long PeakWorkingSetBytes,
    TimeSpan TotalTime)
{
    /// <summary>The run's verdict: no tab ends up showing anything but what the table holds, and no client ever saw a 5xx.</summary>
    public bool Passed => Comparison.DivergentEvents == 0 && Comparison.DivergentPairs == 0 && ServerErrors == 0;
}

/// <summary>
/// Pushes as the tabs received them. Expected is one per successful write and socket of its owner, as in the push run;
/// a socket that was offline misses some and catches up by reloading, so fewer first pushes than expected is normal here.
/// </summary>
public sealed record ChaosDeliveries(long Expected, long Received, long FirstPushes, long Duplicates, long NotPushed, int Connects, int Reconnects, int FailedConnects);

/// <summary>What the fault switches did during the run (counted by the switches and the stream mapping themselves).</summary>
public sealed record ChaosFaultsSeen(
    long PostFailuresInjected,
    long SocketsDropped,
    long DisconnectsLost,
    long NotifyFailuresInjected,
    long NotifyFunctionErrors,
    long StreamReadFailures,
    long StreamRecordsGivenUp,
    int DynamoDbRestarts,
    IReadOnlyList<double> RestartHeldMilliseconds);

/// <summary>Connections a post was answered 410 for, whether notify deleted their records, and records left with no socket.</summary>
public sealed record ConnectionCleanup(long GoneAnswers, int GoneConnections, int CleanedAfter410, int StaleRecordsLeft);
