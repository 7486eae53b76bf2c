namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>
/// One cold start of a bootstrap binary, in milliseconds from process start: to its first <c>invocation/next</c>
/// (init), to the first completed invocation; then one warm invocation alone; and the process's peak resident memory.
/// </summary>
public sealed record ColdStartSample(double InitMs, double FirstInvocationMs, double WarmInvocationMs, double PeakRssMb);
