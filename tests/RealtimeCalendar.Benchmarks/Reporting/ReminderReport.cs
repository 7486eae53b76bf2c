using RealtimeCalendar.Benchmarks.Measurement;
using RealtimeCalendar.Benchmarks.Options;

namespace RealtimeCalendar.Benchmarks.Reporting;

/// <summary>The reminders scenario's figures, per minute and over the whole window.</summary>
public sealed record ReminderReport(
    DateTimeOffset StartedAt,
    MachineSnapshot Machine,
    string? LoadAverageAfter,
    ReminderBenchmarkOptions Workload,
    int TotalReminders,
    TimeSpan SeededIn,
    TimeSpan SocketsOpenedIn,
    IReadOnlyList<SweepMinute> Minutes,
    LatencySummary SweepMs,
    LatencySummary Lateness,
    int ExpectedFrames,
    int DistinctFramesReceived,
    int DuplicateFrames,
    int MinutesLongerThanTheirLength,
    TimeSpan TotalRun)
{
    /// <summary>Every timed reminder arrived once and the sweeps kept up.</summary>
    public bool Passed => DistinctFramesReceived == ExpectedFrames && DuplicateFrames == 0;
}
