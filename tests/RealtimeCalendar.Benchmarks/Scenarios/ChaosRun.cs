using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Benchmarks.Measurement;
using RealtimeCalendar.Benchmarks.Options;
using RealtimeCalendar.Benchmarks.Reporting;
using RealtimeCalendar.Benchmarks.Workload;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Benchmarks.Scenarios;

/// <summary>
/// Issue 8's soak: N tabs over K users on the real local cloud with its fault switches on (Management API 429/500,
/// sockets dropped, some losing <c>$disconnect</c>, notify failing, DynamoDB Local restarted), writers at a set rate for a
/// set time. Tabs reconnect with backoff and reload after every reconnect. Once the writes end and the switches are off,
/// every tab's view must converge on what the table holds, and no client may have seen a 5xx.
/// </summary>
public sealed class ChaosRun(BenchmarkOptions options, ILoggerFactory loggerFactory, TextWriter progress)
{
    /// <summary>The span every tab reloads; the workload's events all fall inside it.</summary>
    private static readonly DateTimeOffset RangeFrom = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset RangeTo = RangeFrom.AddDays(365);

    public async Task<ChaosReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        var chaos = options.Chaos;
        var startedAt = DateTimeOffset.UtcNow;
        var runStarted = Stopwatch.GetTimestamp();
        var machineBefore = MachineSnapshot.Take();
        if (machineBefore.OpenFileLimit is { } limit && limit < (2L * options.Sockets) + 512)
            throw new InvalidOperationException($"The open-file limit ({limit}) is too low for {options.Sockets} sockets; raise it with `ulimit -n`.");

        // DynamoDB Local is restarted mid-run, so its tables live on disk (in memory they would come back empty).
        var dataDirectory = Path.Combine(Path.GetTempPath(), "rc-chaos-" + Guid.NewGuid().ToString("N"));
        try
        {
            progress.WriteLine("Starting the local cloud with DynamoDB Local on disk...");
            await using var cloud = await LocalCloud.StartAsync(
                new LocalCloudOptions
                {
                    Port = 0,
                    DataDirectory = dataDirectory,
                    ToolCacheDirectory = options.ToolCacheDirectory,
                    MaxEventsPerUser = Math.Max(10_000, options.Writes),
                    ServeClient = false,
                    // Tabs are lost seconds after opening and every 410 must clean its record: no handshake grace here.
                    ConnectionHandshakeGrace = TimeSpan.Zero,
                    // Switches start off and are turned on once every tab is open: the faults hit the steady state.
                    Faults = new LocalFaultOptions { Seed = chaos.Faults.Seed },
                },
                loggerFactory,
                cancellationToken);
            return await RunAsync(cloud, startedAt, runStarted, machineBefore, cancellationToken);
        }
        finally
        {
            try
            {
                if (Directory.Exists(dataDirectory))
                    Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A child still closing its files; the temp folder is cleaned by the system later.
            }
        }
    }

    private async Task<ChaosReport> RunAsync(
        LocalCloud cloud, DateTimeOffset startedAt, long runStarted, MachineSnapshot machineBefore, CancellationToken cancellationToken)
    {
        var chaos = options.Chaos;
        progress.WriteLine($"Signing in {options.Users} users...");
        var users = await BenchmarkUsers.CreateAsync(cloud, options.Users, cancellationToken);

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = cloud.BaseUrl,
            // Calls held through a DynamoDB Local restart take seconds; a timeout would be a client giving up, not a 5xx.
            Timeout = TimeSpan.FromSeconds(100),
        };

        var serverErrors = new ServerErrors();
        var deliveries = new DeliveryProgress();
        var tabs = Enumerable.Range(0, options.Sockets)
            .Select(i => new ReconnectingTab(
                i, users[i % users.Count], http, cloud.WebSocketUrl, RangeFrom, RangeTo, serverErrors, deliveries, HashCode.Combine(options.Seed, i)))
            .ToArray();
        try
        {
            progress.WriteLine($"Opening {options.Sockets} tabs (socket + reload)...");
            var openStarted = Stopwatch.GetTimestamp();
            foreach (var group in tabs.Chunk(options.ConnectConcurrency))
            {
                foreach (var tab in group)
                    tab.Start();
                await Task.WhenAll(group.Select(t => t.FirstLive)).WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
            }

            var openedIn = Stopwatch.GetElapsedTime(openStarted);
            var faults = cloud.Faults;
            var rates = chaos.Faults;
            faults.ManagementApi.ThrottleShare = rates.PostThrottleShare;
            faults.ManagementApi.ServerErrorShare = rates.PostServerErrorShare;
            faults.Sockets.Interval = rates.SocketDropInterval;
            faults.Sockets.LostDisconnectShare = rates.LostDisconnectShare;
            faults.Sockets.DropShare = rates.SocketDropShare;
            faults.Notify.FailureShare = rates.NotifyFailureShare;
            var trigger = cloud.StreamTrigger;
            var (functionErrorsBefore, readFailuresBefore) = (trigger.FunctionErrors, trigger.ReadFailures);

            progress.WriteLine($"Writing at {options.WritesPerSecond:0.#}/s for {chaos.Duration.TotalSeconds:0} s with faults on ({chaos.DynamoDbRestarts} DynamoDB Local restarts)...");
            var writing = new WriteWorkload(http, users, options.Writes, options.Writers, options.WritesPerSecond, options.UpdateShare, options.Seed)
                .RunAsync(cancellationToken);
            var restarting = RestartDynamoDbAsync(cloud, cancellationToken);
            var workload = await writing;
            var held = await restarting;
            faults.TurnOff();
            foreach (var write in workload.Writes)
                serverErrors.Note(write.Kind == WriteKind.Create ? "POST /api/events" : "PUT /api/events/{id}", write.StatusCode);

            progress.WriteLine("Writes done, faults off; waiting for every tab to show what the table holds...");
            var convergeStarted = Stopwatch.GetTimestamp();
            ViewComparison comparison;
            while (true)
            {
                comparison = await CompareAsync(cloud, users, tabs, cancellationToken);
                if (comparison.Converged || Stopwatch.GetElapsedTime(convergeStarted) > chaos.ConvergenceTimeout)
                    break;
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }

            var convergedIn = Stopwatch.GetElapsedTime(convergeStarted);
            var cleanup = await CheckCleanupAsync(cloud, users, cancellationToken);
            foreach (var tab in tabs)
                await tab.StopAsync();

            var seen = new ChaosFaultsSeen(
                faults.ManagementApi.InjectedFailures,
                faults.Sockets.Dropped,
                faults.Sockets.DisconnectsLost,
                faults.Notify.InjectedFailures,
                trigger.FunctionErrors - functionErrorsBefore,
                trigger.ReadFailures - readFailuresBefore,
                trigger.RecordsGivenUp,
                faults.DynamoDbRestarts,
                [.. held.Select(h => h.TotalMilliseconds)]);
            var (fromResponse, fromSend) = Latencies(workload, tabs);
            var expected = workload.Writes.Where(w => w.Succeeded).Sum(w => (long)tabs.Count(t => t.User.Index == w.UserIndex));
            var firstPushes = tabs.Sum(t => (long)t.FirstPushes.Count);
            var connects = tabs.Sum(t => t.Connects);
            var chaosDeliveries = new ChaosDeliveries(
                expected,
                tabs.Sum(t => (long)t.Deliveries),
                firstPushes,
                tabs.Sum(t => (long)t.Duplicates),
                Math.Max(0, expected - firstPushes),
                connects,
                connects - tabs.Length,
                tabs.Sum(t => t.FailedConnects));

            using var process = Process.GetCurrentProcess();
            return new ChaosReport(
                startedAt,
                machineBefore,
                MachineSnapshot.Take(),
                RunSettings.From(options),
                chaos.Duration,
                rates,
                openedIn,
                Summarize(workload),
                chaosDeliveries,
                comparison,
                convergedIn,
                serverErrors.Total,
                serverErrors.ByCall,
                seen,
                cleanup,
                fromResponse,
                fromSend,
                process.PeakWorkingSet64,
                Stopwatch.GetElapsedTime(runStarted));
        }
        finally
        {
            foreach (var tab in tabs)
                await tab.DisposeAsync();
        }
    }

    /// <summary>The restarts, spread evenly over the write phase; returns how long functions were held by each.</summary>
    private async Task<List<TimeSpan>> RestartDynamoDbAsync(LocalCloud cloud, CancellationToken cancellationToken)
    {
        var held = new List<TimeSpan>();
        var started = Stopwatch.GetTimestamp();
        var count = options.Chaos.DynamoDbRestarts;
        for (var k = 1; k <= count; k++)
        {
            var due = options.Chaos.Duration * k / (count + 1);
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, cancellationToken);
            progress.WriteLine($"Restarting DynamoDB Local ({k}/{count})...");
            held.Add(await cloud.Faults.RestartDynamoDbLocalAsync(cancellationToken));
        }

        return held;
    }

    private static async Task<ViewComparison> CompareAsync(
        LocalCloud cloud, IReadOnlyList<BenchmarkUser> users, IReadOnlyList<ReconnectingTab> tabs, CancellationToken cancellationToken)
    {
        var table = new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var user in users)
            table[user.UserId] = await TableVersions.ReadAsync(cloud.Services.DynamoDb, cloud.Tables.Events, user.UserId, cancellationToken);
        return ViewComparison.Compare(tabs.Select(t => (t.User.UserId, t.IsLive, t.View)), table);
    }

    /// <summary>Every connection a post met as gone must have lost its record; records with no socket are counted too.</summary>
    private static async Task<ConnectionCleanup> CheckCleanupAsync(LocalCloud cloud, IReadOnlyList<BenchmarkUser> users, CancellationToken cancellationToken)
    {
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            foreach (var record in await cloud.Services.Connections.ListByUserAsync(user.UserId, cancellationToken))
                recorded.Add(record.ConnectionId);
        }

        var gone = cloud.ManagementApiFaults.GoneConnectionIds;
        return new ConnectionCleanup(
            cloud.ManagementApiFaults.GoneAnswers,
            gone.Count,
            gone.Count(id => !recorded.Contains(id)),
            recorded.Count(id => cloud.Connections.Find(id) is null));
    }

    private static (LatencySummary FromResponse, LatencySummary FromSend) Latencies(WorkloadResult workload, IReadOnlyList<ReconnectingTab> tabs)
    {
        var writes = workload.Writes.Where(w => w.Succeeded).ToDictionary(w => (w.EventId!, w.Version));
        var fromResponse = new List<double>();
        var fromSend = new List<double>();
        foreach (var push in tabs.SelectMany(t => t.FirstPushes))
        {
            if (!writes.TryGetValue((push.EventId, push.Version), out var write))
                continue;
            fromResponse.Add(Stopwatch.GetElapsedTime(write.RespondedAt, push.ReceivedAt).TotalMilliseconds);
            fromSend.Add(Stopwatch.GetElapsedTime(write.SentAt, push.ReceivedAt).TotalMilliseconds);
        }

        return (LatencySummary.Of(fromResponse), LatencySummary.Of(fromSend));
    }

    private static WriteSummary Summarize(WorkloadResult workload)
    {
        var writes = workload.Writes;
        var succeeded = writes.Where(w => w.Succeeded).ToList();
        return new WriteSummary(
            writes.Count,
            succeeded.Count,
            writes.Count - succeeded.Count,
            writes.Count(w => w.Kind == WriteKind.Create),
            writes.Count(w => w.Kind == WriteKind.Update),
            writes.Count / Stopwatch.GetElapsedTime(workload.StartedAt, workload.FinishedAt).TotalSeconds,
            LatencySummary.Of(succeeded.Select(w => Stopwatch.GetElapsedTime(w.SentAt, w.RespondedAt).TotalMilliseconds)));
    }
}
