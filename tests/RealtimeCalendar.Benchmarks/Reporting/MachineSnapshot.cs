using System.Globalization;
using System.Runtime.InteropServices;

namespace RealtimeCalendar.Benchmarks.Reporting;

/// <summary>
/// What the figures were measured on. The load average tells a reader whether other processes were competing for the
/// CPUs during the run; the file limit whether the sockets could all be held.
/// </summary>
public sealed record MachineSnapshot(int ProcessorCount, string OperatingSystem, string Runtime, string? LoadAverage, long? OpenFileLimit)
{
    public static MachineSnapshot Take() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        ReadLoadAverage(),
        ReadOpenFileLimit());

    /// <summary>1, 5 and 15 minute load averages from <c>/proc/loadavg</c> (Linux only).</summary>
    private static string? ReadLoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : null;
    }

    /// <summary>The soft limit on open files from <c>/proc/self/limits</c> (Linux only).</summary>
    private static long? ReadOpenFileLimit()
    {
        const string path = "/proc/self/limits";
        if (!File.Exists(path))
            return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return long.TryParse(soft, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) ? limit : null;
    }
}
