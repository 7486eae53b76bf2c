using RealtimeCalendar.Local.DynamoDbLocal;
using RealtimeCalendar.Local.Lambda;
using RealtimeCalendar.Local.ManagementApi;
using RealtimeCalendar.Local.Streams;
using RealtimeCalendar.Local.WebSockets;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>The running local cloud's fault switches: each can be turned on, changed or off while it serves.</summary>
public sealed class LocalCloudFaults
{
    /// <summary>How long a restart waits for invocations in flight before it kills DynamoDB Local anyway.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    private readonly DynamoDbLocalProcess dynamoDbLocal;
    private readonly InvocationGate gate;
    private readonly ILogger logger;
    private int restarting;

    internal LocalCloudFaults(
        ManagementApiFaults managementApi, SocketDropFaults sockets, StreamFunctionFaults notify, DynamoDbLocalProcess dynamoDbLocal, InvocationGate gate,
        ILogger logger)
    {
        ManagementApi = managementApi;
        Sockets = sockets;
        Notify = notify;
        this.dynamoDbLocal = dynamoDbLocal;
        this.gate = gate;
        this.logger = logger;
    }

    /// <summary>429/500 answers to a share of posts, planned failures and 410 for chosen connections.</summary>
    public ManagementApiFaults ManagementApi { get; }

    /// <summary>Random drops of live sockets (some with their <c>$disconnect</c> lost).</summary>
    public SocketDropFaults Sockets { get; }

    /// <summary><c>notify</c> invocations failing on a share of stream records.</summary>
    public StreamFunctionFaults Notify { get; }

    /// <summary>DynamoDB Local restarts so far.</summary>
    public int DynamoDbRestarts => dynamoDbLocal.Restarts;

    /// <summary>True when DynamoDB Local keeps its data on disk, so it can be restarted without losing the tables.</summary>
    public bool CanRestartDynamoDb => dynamoDbLocal.DataDirectory is not null;

    /// <summary>
    /// Kills DynamoDB Local and starts it again on the same port and data. Function invocations are held meanwhile (see
    /// <see cref="InvocationGate"/>): clients see a slow answer, while the stream poller loses its reads and must resume.
    /// </summary>
    /// <returns>How long functions were held.</returns>
    public async Task<TimeSpan> RestartDynamoDbLocalAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref restarting, 1) == 1)
            throw new InvalidOperationException("DynamoDB Local is already being restarted.");
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            if (!await gate.CloseAsync(DrainTimeout, cancellationToken))
                logger.LogWarning("Invocations still running after {Timeout}; restarting DynamoDB Local anyway", DrainTimeout);
            try
            {
                await dynamoDbLocal.RestartAsync(cancellationToken);
            }
            finally
            {
                gate.Open();
            }

            var held = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            logger.LogInformation("Fault switch restarted DynamoDB Local; functions were held {HeldMs} ms", (long)held.TotalMilliseconds);
            return held;
        }
        finally
        {
            Volatile.Write(ref restarting, 0);
        }
    }

    /// <summary>Turns every random switch off (planned failures and connections marked gone stay).</summary>
    public void TurnOff()
    {
        ManagementApi.ThrottleShare = 0;
        ManagementApi.ServerErrorShare = 0;
        Sockets.DropShare = 0;
        Notify.FailureShare = 0;
    }
}
