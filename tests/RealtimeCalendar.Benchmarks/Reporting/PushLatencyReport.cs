using RealtimeCalendar.Benchmarks.Measurement;

namespace RealtimeCalendar.Benchmarks.Reporting;

/// <summary>Everything one push-latency run measured; written as JSON and as the text summary.</summary>
public sealed record PushLatencyReport(
    DateTimeOffset StartedAt,
    MachineSnapshot MachineBefore,
    MachineSnapshot MachineAfter,
    RunSettings Settings,
    int ServerConnections,
    int ConnectionRecords,
    TimeSpan UsersCreatedIn,
    TimeSpan SocketsOpenedIn,
    StreamFloor? Floor,
    WriteSummary Writes,
    DeliveryOutcome Deliveries,
    StreamBatching Batching,
    IReadOnlyDictionary<string, LatencySummary> Stages,
    RuntimeSummary Runtime,
    long PeakWorkingSetBytes,
    TimeSpan TotalTime)
{
    /// <summary>Push p50 as a multiple of the stream floor p50: how much the fan-out path adds on top of the stream itself.</summary>
    public double? PushOverFloor => Floor is { FromPutResponse.Count: > 0 } floor ? Deliveries.FromResponse.P50 / floor.FromPutResponse.P50 : null;

    /// <summary>Push p50 as a multiple of the HTTP write round trip p50: how the push compares with the write that caused it.</summary>
    public double PushOverHttpWrite => Deliveries.FromResponse.P50 / Writes.HttpRoundTrip.P50;
}
