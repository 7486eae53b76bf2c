using RealtimeCalendar.Benchmarks.Measurement;

namespace RealtimeCalendar.Benchmarks.Reporting;

/// <summary>
/// The cold starts of one binary. <see cref="FirstInvocationRatio"/> is its first-invocation median over the AOT
/// bootstrap's (1 for the AOT bootstrap itself; 10 means ten times slower).
/// </summary>
public sealed record ColdStartVariant(
    string Name,
    string Build,
    RangeSummary InitMs,
    RangeSummary FirstInvocationMs,
    RangeSummary WarmInvocationMs,
    RangeSummary PeakRssMb,
    double FirstInvocationRatio,
    IReadOnlyList<ColdStartSample> Samples);
