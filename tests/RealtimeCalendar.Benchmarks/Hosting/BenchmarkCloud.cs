using Microsoft.Extensions.Logging;
using RealtimeCalendar.Benchmarks.Options;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Benchmarks.Hosting;

/// <summary>Starts the real local cloud in this process exactly as the end-to-end fixture does: a free port, in memory.</summary>
public static class BenchmarkCloud
{
    /// <summary>
    /// <paramref name="requestsPerUserPerMinute"/> null keeps the deployed default; a run that reads far more than a person
    /// does raises it (the per-request counter write still happens, as it does in the cloud).
    /// </summary>
    /// <param name="reminderClock">The reminder schedule's clock; null runs it on the real one.</param>
    public static Task<LocalCloud> StartAsync(
        BenchmarkOptions options,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken,
        int? requestsPerUserPerMinute = null,
        TimeProvider? reminderClock = null) =>
        LocalCloud.StartAsync(
            new LocalCloudOptions
            {
                Port = 0,
                InMemory = true,
                DataDirectory = Path.Combine(Path.GetTempPath(), "rc-bench-unused"),
                ToolCacheDirectory = options.ToolCacheDirectory,
                // Far above what any run writes per user, so the cap never turns a write into a 409.
                MaxEventsPerUser = Math.Max(10_000, options.Writes),
                ServeClient = false,
                RequestsPerUserPerMinute = requestsPerUserPerMinute,
                ReminderScheduleClock = reminderClock,
            },
            loggerFactory,
            cancellationToken);
}
