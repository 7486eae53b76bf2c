using Microsoft.Extensions.Logging;
using RealtimeCalendar.Benchmarks.Options;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Benchmarks.Hosting;

/// <summary>Starts the real local cloud in this process exactly as the end-to-end fixture does: a free port, in memory.</summary>
public static class BenchmarkCloud
{
    /// <param name="reminderClock">The reminder schedule's clock; null runs it on the real one.</param>
    public static Task<LocalCloud> StartAsync(BenchmarkOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken, TimeProvider? reminderClock = null) =>
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
                ReminderScheduleClock = reminderClock,
            },
            loggerFactory,
            cancellationToken);
}
