namespace RealtimeCalendar.Local.WebSockets;

/// <summary>
/// Fault switch of the local WebSocket API (off by default): every <see cref="Interval"/> it ends a random
/// <see cref="DropShare"/> of the live sockets from the gateway's side (1001 Going away, as API Gateway does on a
/// deployment or a host move), so clients must reconnect and reload. A <see cref="LostDisconnectShare"/> of those drops
/// also skip <c>$disconnect</c>, as when API Gateway loses a connection: their records stay behind until a post meets
/// the 410. Draws come from one seeded <see cref="Random"/>, so runs replay.
/// </summary>
public sealed class SocketDropFaults : IAsyncDisposable
{
    private readonly LocalConnectionRegistry registry;
    private readonly TimeProvider time;
    private readonly ILogger<SocketDropFaults> logger;
    private readonly Random random;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private double dropShare;
    private double lostDisconnectShare;
    private long interval;
    private long dropped;
    private long disconnectsLost;

    public SocketDropFaults(LocalConnectionRegistry registry, int seed, TimeProvider time, ILogger<SocketDropFaults> logger)
    {
        this.registry = registry;
        this.time = time;
        this.logger = logger;
        random = new Random(seed);
        Interval = TimeSpan.FromSeconds(5);
        loop = Task.Run(() => DropLoopAsync(stopping.Token));
    }

    /// <summary>Share (0..1) of the live sockets ended at each tick; 0 turns the switch off.</summary>
    public double DropShare
    {
        get => Volatile.Read(ref dropShare);
        set => Volatile.Write(ref dropShare, Share(value));
    }

    /// <summary>Share (0..1) of the dropped sockets whose <c>$disconnect</c> is lost.</summary>
    public double LostDisconnectShare
    {
        get => Volatile.Read(ref lostDisconnectShare);
        set => Volatile.Write(ref lostDisconnectShare, Share(value));
    }

    /// <summary>Time between two rounds of drops.</summary>
    public TimeSpan Interval
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref interval));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            Interlocked.Exchange(ref interval, value.Ticks);
        }
    }

    /// <summary>Sockets ended by this switch so far.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Of those, the ones whose <c>$disconnect</c> was skipped.</summary>
    public long DisconnectsLost => Interlocked.Read(ref disconnectsLost);

    /// <summary>One round of drops now, with the current shares; returns how many sockets it ended.</summary>
    public int DropNow()
    {
        var share = DropShare;
        if (share <= 0)
            return 0;

        var count = 0;
        foreach (var connection in registry.Snapshot().OrderBy(c => c.ConnectionId, StringComparer.Ordinal))
        {
            bool drop, lose;
            lock (random)
            {
                drop = random.NextDouble() < share;
                lose = drop && random.NextDouble() < LostDisconnectShare;
            }

            if (!drop || !connection.IsOpen)
                continue;
            connection.Drop(lose ? "Dropped by the gateway, $disconnect lost (fault switch)" : "Dropped by the gateway (fault switch)", lose);
            Interlocked.Increment(ref dropped);
            if (lose)
                Interlocked.Increment(ref disconnectsLost);
            count++;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }

        stopping.Dispose();
    }

    private async Task DropLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, time, cancellationToken);
            var count = DropNow();
            if (count > 0)
                logger.LogInformation("Fault switch dropped {Count} sockets", count);
        }
    }

    private static double Share(double value) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A share is between 0 and 1.");
}
