namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>What <see cref="RuntimeSampler"/> saw during the write phase.</summary>
public sealed record RuntimeSummary(
    int MaxThreadPoolThreads,
    long MaxThreadPoolQueue,
    double MeanThreadPoolQueue,
    int Gen0Collections,
    int Gen2Collections,
    double GcPauseMilliseconds,
    double GcPauseShare);
