namespace RealtimeCalendar.Local.Streams;

/// <summary>The event source mapping settings the CDK stack sets on AWS, plus the local poll cadence.</summary>
public sealed record StreamEventSourceMappingOptions
{
    public required string FunctionName { get; init; }
    public int BatchSize { get; init; } = 100;

    /// <summary>Retries of a batch whose records failed, before they are given up (logged, as an on-failure destination would get them); the stack's value.</summary>
    public int MaximumRetryAttempts { get; init; } = 10;

    /// <summary>Split a batch in two when the function itself fails, as the stack's BisectBatchOnError does.</summary>
    public bool BisectBatchOnFunctionError { get; init; } = true;

    /// <summary>Pause after an empty poll. Lambda polls about 4 times a second; locally we poll far faster to keep push latency near the floor.</summary>
    public TimeSpan IdlePollDelay { get; init; } = TimeSpan.FromMilliseconds(4);

    public TimeSpan ShardDiscoveryInterval { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(50);
}
