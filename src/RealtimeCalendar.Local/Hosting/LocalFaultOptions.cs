namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// The local cloud's fault switches at start-up, all off by default (flags in <see cref="LocalCloudCommandLine"/>).
/// Each can also be changed while it runs, through <see cref="LocalCloud.Faults"/>.
/// </summary>
public sealed record LocalFaultOptions
{
    /// <summary>Seed of every switch's random draws, so a run with the same seed and workload replays the same faults.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Share (0..1) of Management API posts answered 429 Too Many Requests.</summary>
    public double PostThrottleShare { get; init; }

    /// <summary>Share (0..1) of Management API posts answered 500 Internal Server Error.</summary>
    public double PostServerErrorShare { get; init; }

    /// <summary>Share (0..1) of live sockets the WebSocket API drops every <see cref="SocketDropInterval"/>.</summary>
    public double SocketDropShare { get; init; }

    public TimeSpan SocketDropInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Share (0..1) of dropped sockets whose <c>$disconnect</c> is lost, leaving a record that answers 410.</summary>
    public double LostDisconnectShare { get; init; }

    /// <summary>Share (0..1) of stream records on which the <c>notify</c> invocation fails (the mapping retries).</summary>
    public double NotifyFailureShare { get; init; }

    /// <summary>Restart DynamoDB Local this often (kill, start on the same port and data); null never. Needs persisted data.</summary>
    public TimeSpan? DynamoDbRestartInterval { get; init; }

    public bool AnyOn =>
        PostThrottleShare > 0 || PostServerErrorShare > 0 || SocketDropShare > 0 || NotifyFailureShare > 0 || DynamoDbRestartInterval is not null;
}
