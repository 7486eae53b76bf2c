using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Benchmarks.Hosting;
using RealtimeCalendar.Benchmarks.Measurement;
using RealtimeCalendar.Benchmarks.Options;
using RealtimeCalendar.Benchmarks.Reporting;
using RealtimeCalendar.Benchmarks.Workload;

namespace RealtimeCalendar.Benchmarks.Scenarios;

/// <summary>
/// Issue 3's benchmark: N sockets over K users on the real local cloud, M writes through the HTTP API, and every push
/// matched to its write. Faults stay off; <see cref="ChaosRun"/> turns them on.
/// </summary>
public sealed class PushLatencyRun(BenchmarkOptions options, ILoggerFactory loggerFactory, TextWriter progress)
{
    public async Task<PushLatencyReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var runStarted = Stopwatch.GetTimestamp();
        var machineBefore = MachineSnapshot.Take();
        var fileLimit = machineBefore.OpenFileLimit;
        // Each socket is two descriptors in this process (client and server end), plus the host's own.
        if (fileLimit is { } limit && limit < (2L * options.Sockets) + 512)
            throw new InvalidOperationException($"The open-file limit ({limit}) is too low for {options.Sockets} sockets; raise it with `ulimit -n`.");

        progress.WriteLine("Starting the local cloud (DynamoDB Local, cognito-local, API Gateway emulation, stream trigger)...");
        await using var cloud = await BenchmarkCloud.StartAsync(options, loggerFactory, cancellationToken);

        StreamFloor? floor = null;
        if (options.FloorProbeWrites > 0)
        {
            progress.WriteLine($"Measuring the stream floor with {options.FloorProbeWrites} sequential writes...");
            floor = await StreamFloorProbe.MeasureAsync(cloud, options.FloorProbeWrites, loggerFactory, cancellationToken);
        }

        progress.WriteLine($"Signing in {options.Users} users...");
        var usersStarted = Stopwatch.GetTimestamp();
        var users = await BenchmarkUsers.CreateAsync(cloud, options.Users, cancellationToken);
        var usersCreatedIn = Stopwatch.GetElapsedTime(usersStarted);

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = cloud.BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };

        progress.WriteLine($"Opening {options.Sockets} sockets...");
        var deliveries = new DeliveryProgress();
        await using var fleet = await SocketFleet.OpenAsync(
            http, cloud.WebSocketUrl, users, options.Sockets, options.ConnectConcurrency, deliveries, cancellationToken);
        var serverConnections = cloud.Connections.Count;
        // What notify will find: a socket without a record under its user would silently get nothing.
        var connectionRecords = 0;
        foreach (var user in users)
            connectionRecords += (await cloud.Services.Connections.ListByUserAsync(user.UserId, cancellationToken)).Count;

        // Warm-up: JIT tiers, connection pools and DynamoDB Local's caches settle before anything is measured.
        var warmUpKeys = new HashSet<(string, long)>();
        if (options.WarmUpWrites > 0)
        {
            progress.WriteLine($"Warming up with {options.WarmUpWrites} writes (not measured)...");
            var warmUp = await RunWritesAsync(http, users, fleet, deliveries, options.WarmUpWrites, options.Seed + 1, cancellationToken);
            warmUpKeys.UnionWith(warmUp.Writes.Where(w => w.Succeeded).Select(w => (w.EventId!, w.Version)));
        }

        progress.WriteLine($"Writing {options.Writes} changes from {options.Writers} writers...");
        using var stages = new StageTimings(new Dictionary<int, string>
        {
            [cloud.BaseUrl.Port] = "local cloud",
            [cloud.Services.Settings.DynamoDbEndpoint!.Port] = "DynamoDB Local",
        });
        var trigger = cloud.StreamTrigger;
        var (batchesBefore, recordsBefore) = (trigger.BatchesInvoked, trigger.RecordsDelivered);
        stages.Start();
        await using var sampler = new RuntimeSampler();
        var workload = await RunWritesAsync(http, users, fleet, deliveries, options.Writes, options.Seed, cancellationToken);
        var runtime = await sampler.StopAsync();
        stages.Stop();
        var batching = new StreamBatching(trigger.BatchesInvoked - batchesBefore, trigger.RecordsDelivered - recordsBefore);

        // Closing first stops the receive loops, so the analysis reads settled lists.
        await fleet.CloseAsync(options.ConnectConcurrency);
        var outcome = DeliveryAnalysis.Analyze(workload, fleet, warmUpKeys);

        var writes = workload.Writes;
        var succeeded = writes.Where(w => w.Succeeded).ToList();
        var writeSummary = new WriteSummary(
            writes.Count,
            succeeded.Count,
            writes.Count - succeeded.Count,
            writes.Count(w => w.Kind == WriteKind.Create),
            writes.Count(w => w.Kind == WriteKind.Update),
            writes.Count / Stopwatch.GetElapsedTime(workload.StartedAt, workload.FinishedAt).TotalSeconds,
            LatencySummary.Of(succeeded.Select(w => Stopwatch.GetElapsedTime(w.SentAt, w.RespondedAt).TotalMilliseconds)));

        using var process = Process.GetCurrentProcess();
        return new PushLatencyReport(
            startedAt,
            machineBefore,
            MachineSnapshot.Take(),
            RunSettings.From(options),
            serverConnections,
            connectionRecords,
            usersCreatedIn,
            fleet.OpenedIn,
            floor,
            writeSummary,
            outcome,
            batching,
            stages.Summarize(),
            runtime,
            process.PeakWorkingSet64,
            Stopwatch.GetElapsedTime(runStarted));
    }

    /// <summary>Runs writes and waits until every socket has them all, or until deliveries stop for the quiet period.</summary>
    private async Task<WorkloadResult> RunWritesAsync(
        HttpClient http, IReadOnlyList<BenchmarkUser> users, SocketFleet fleet, DeliveryProgress deliveries, int writes, int seed,
        CancellationToken cancellationToken)
    {
        var alreadyReceived = deliveries.Count;
        var workload = await new WriteWorkload(http, users, writes, options.Writers, options.WritesPerSecond, options.UpdateShare, seed)
            .RunAsync(cancellationToken);
        var expected = workload.Writes.Where(w => w.Succeeded).Sum(w => (long)fleet.SocketsOf(w.UserIndex));
        await deliveries.WaitForAsync(alreadyReceived + expected, workload.FinishedAt, options.QuietPeriod, cancellationToken);
        return workload;
    }
}
