using RealtimeCalendar.Benchmarks.Options;

namespace RealtimeCalendar.Benchmarks.Reporting;

/// <summary>The options that shape the workload, as recorded in the report.</summary>
public sealed record RunSettings(
    int Sockets, int Users, int Writes, int Writers, double TargetWritesPerSecond, double UpdateShare, int ConnectConcurrency, int WarmUpWrites, int FloorProbeWrites, int Seed)
{
    public static RunSettings From(BenchmarkOptions options) => new(
        options.Sockets, options.Users, options.Writes, options.Writers, options.WritesPerSecond, options.UpdateShare,
        options.ConnectConcurrency, options.WarmUpWrites, options.FloorProbeWrites, options.Seed);
}
