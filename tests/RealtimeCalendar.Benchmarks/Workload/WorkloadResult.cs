namespace RealtimeCalendar.Benchmarks.Workload;

/// <summary>Every write in index order, with the <see cref="System.Diagnostics.Stopwatch"/> timestamps bracketing the whole workload.</summary>
public sealed record WorkloadResult(IReadOnlyList<WriteRecord> Writes, long StartedAt, long FinishedAt);
