using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.Benchmarks.Hosting;
using RealtimeCalendar.Benchmarks.Measurement;
using RealtimeCalendar.Benchmarks.Options;
using RealtimeCalendar.Benchmarks.Reporting;
using RealtimeCalendar.Benchmarks.Workload;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Benchmarks.Scenarios;

/// <summary>
/// The reminder sweep at scale on the real local cloud: many users' reminders due across a window of minutes, swept one
/// minute at a time by the local schedule (the same <c>reminders</c> function and Scheduler event as in the cloud), on a
/// clock this run moves. Each simulated minute lasts <see cref="ReminderBenchmarkOptions.MinuteLength"/> of real time;
/// a frame's lateness is measured from the instant the clock reached its due minute to the instant a socket read it.
/// </summary>
public sealed class ReminderSweepRun(BenchmarkOptions options, ILoggerFactory loggerFactory, TextWriter progress)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FrameWait = TimeSpan.FromSeconds(30);

    public async Task<ReminderReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        var w = options.Reminders;
        var startedAt = DateTimeOffset.UtcNow;
        var runStarted = Stopwatch.GetTimestamp();
        var machine = MachineSnapshot.Take();
        var windowStart = ReminderSchedule.MinuteOf(startedAt).AddHours(2);
        var clock = new FakeTimeProvider(windowStart.AddMinutes(-1));

        progress.WriteLine("Starting the local cloud with its reminder schedule on this run's clock...");
        await using var cloud = await BenchmarkCloud.StartAsync(options, loggerFactory, cancellationToken, reminderClock: clock);

        progress.WriteLine($"Signing in {w.SocketUsers} users who will have a socket open...");
        var users = await BenchmarkUsers.CreateAsync(cloud, w.SocketUsers, cancellationToken);
        var owners = users.Select(u => u.UserId).Concat(Enumerable.Range(w.SocketUsers, w.Owners - w.SocketUsers).Select(i => $"bench-owner-{i:00000}")).ToList();

        var total = w.Owners * w.RemindersPerUser;
        progress.WriteLine($"Seeding {total} events with one reminder each...");
        var seeding = Stopwatch.GetTimestamp();
        await ReminderSeeder.SeedAsync(
            cloud.Services.DynamoDb, cloud.Tables.Events, owners, w.RemindersPerUser, w.WindowMinutes, w.LeadMinutes, windowStart, startedAt, cancellationToken);
        var seededIn = Stopwatch.GetElapsedTime(seeding);

        var due = new int[w.WindowMinutes];
        var expected = new int[w.WindowMinutes];
        for (var owner = 0; owner < w.Owners; owner++)
        {
            for (var k = 0; k < w.RemindersPerUser; k++)
            {
                var minute = ReminderSeeder.DueMinute(owner, k, w.RemindersPerUser, w.WindowMinutes);
                due[minute]++;
                if (owner < w.SocketUsers)
                    expected[minute]++;
            }
        }

        progress.WriteLine($"Opening {w.SocketUsers} sockets...");
        var arrived = new ConcurrentDictionary<DateTimeOffset, int>();
        var opening = Stopwatch.GetTimestamp();
        var listeners = new ReminderListener[users.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, users.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.ConnectConcurrency, CancellationToken = cancellationToken },
            async (i, token) => listeners[i] = await ReminderListener.ConnectAsync(
                cloud.WebSocketUrl, users[i].AccessToken, dueAt => arrived.AddOrUpdate(dueAt, 1, (_, n) => n + 1), token));
        var socketsOpenedIn = Stopwatch.GetElapsedTime(opening);

        try
        {
            progress.WriteLine($"Sweeping {w.WindowMinutes} minutes, {w.MinuteLength.TotalSeconds:0.#} s each...");
            var ticks = new Dictionary<DateTimeOffset, long>();
            var runs = new List<(int Minute, double InvocationMs, ReminderSweepReport Report)>();
            var longer = 0;
            for (var m = 0; m < w.WindowMinutes; m++)
            {
                var minute = windowStart.AddMinutes(m);
                var tick = Stopwatch.GetTimestamp();
                ticks[minute] = tick;
                clock.SetUtcNow(minute);
                var run = await cloud.ReminderSchedule.WaitForRunAsync(minute, RunTimeout);
                var invocationMs = Stopwatch.GetElapsedTime(tick).TotalMilliseconds;
                if (run.Report is not { } report)
                    throw new InvalidOperationException($"The sweep of minute {m} failed: {run.Error}");
                runs.Add((m, invocationMs, report));

                // Posts finish before the sweep answers; give the sockets' receive loops the moment they need to read them.
                while (arrived.GetValueOrDefault(minute) < expected[m] && Stopwatch.GetElapsedTime(tick) < w.MinuteLength + FrameWait)
                    await Task.Delay(20, cancellationToken);
                var spent = Stopwatch.GetElapsedTime(tick);
                if (spent > w.MinuteLength)
                    longer++;
                else
                    await Task.Delay(w.MinuteLength - spent, cancellationToken);
                if (m % 10 == 9 || m == w.WindowMinutes - 1)
                    progress.WriteLine($"  minute {m + 1}/{w.WindowMinutes}: sweep {report.Elapsed.TotalMilliseconds:0} ms, {report.Sent} sent, {report.Waiting} waiting, {arrived.GetValueOrDefault(minute)}/{expected[m]} frames");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var frames = listeners.SelectMany(l => l.Frames).ToList();
            var lateness = frames.Where(f => ticks.ContainsKey(f.DueAt))
                .Select(f => (f.DueAt, Ms: Stopwatch.GetElapsedTime(ticks[f.DueAt], f.ReceivedAt).TotalMilliseconds))
                .ToList();
            var minutes = runs.Select(r =>
            {
                var minute = windowStart.AddMinutes(r.Minute);
                var mine = lateness.Where(l => l.DueAt == minute).Select(l => l.Ms).ToList();
                return new SweepMinute(
                    r.Minute, r.Report.Elapsed.TotalMilliseconds, r.InvocationMs, due[r.Minute], r.Report.Entries, r.Report.Sent, r.Report.Waiting, r.Report.Failed,
                    r.Report.IndexQueries, r.Report.ReadUnits, r.Report.SocketLookups, expected[r.Minute], mine.Count, LatencySummary.Of(mine));
            }).ToList();
            var distinct = frames.Select(f => f.ReminderId).Distinct(StringComparer.Ordinal).Count();
            return new ReminderReport(
                startedAt, machine, MachineSnapshot.Take().LoadAverage, w, total, seededIn, socketsOpenedIn, minutes,
                LatencySummary.Of(minutes.Select(m => m.SweepMs)), LatencySummary.Of(lateness.Select(l => l.Ms)),
                expected.Sum(), distinct, frames.Count - distinct, longer, Stopwatch.GetElapsedTime(runStarted));
        }
        finally
        {
            foreach (var listener in listeners.Where(l => l is not null))
                await listener.DisposeAsync();
        }
    }
}
