using System.Globalization;
using System.Text;
using RealtimeCalendar.Benchmarks.Measurement;

namespace RealtimeCalendar.Benchmarks.Reporting;

/// <summary>Renders a report as the text summary printed to the console (<see cref="ReportFiles"/> saves it).</summary>
public static class ReportWriter
{
    public static string Render(PushLatencyReport report)
    {
        var s = report.Settings;
        var d = report.Deliveries;
        var w = report.Writes;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"RealtimeCalendar push latency, {report.StartedAt:yyyy-MM-dd HH:mm} UTC");
        Line($"machine      {report.MachineBefore.ProcessorCount} CPUs, {report.MachineBefore.OperatingSystem}, {report.MachineBefore.Runtime}");
        Line($"load average before {report.MachineBefore.LoadAverage ?? "n/a"}, after {report.MachineAfter.LoadAverage ?? "n/a"} (1/5/15 min; other processes share these CPUs)");
        var pace = s.TargetWritesPerSecond > 0 ? string.Create(CultureInfo.InvariantCulture, $"target {s.TargetWritesPerSecond:0.#}/s") : "closed loop";
        Line($"workload     {s.Sockets} sockets over {s.Users} users ({report.ServerConnections} held by the gateway, {report.ConnectionRecords} found by user in the Connections table), {s.Writes} writes from {s.Writers} writers, {pace}, update share {s.UpdateShare:0.##}, after {s.WarmUpWrites} warm-up writes");
        Line($"setup        users signed in {report.UsersCreatedIn.TotalSeconds:0.0} s, sockets opened {report.SocketsOpenedIn.TotalSeconds:0.0} s ({s.ConnectConcurrency} at a time)");
        Line($"writes       {w.Succeeded}/{w.Attempted} ok ({w.Creates} creates, {w.Updates} updates, {w.Failed} failed), {w.WritesPerSecond:0.0} writes/s");
        Line($"deliveries   expected {d.Expected}, received {d.Received}, missing {d.Missing}, duplicates {d.Duplicates}, unmatched {d.Unmatched}, out of order {d.OutOfOrder}, sockets dropped {d.SocketsDroppedEarly}, other frames {d.OtherFrames}");
        Line($"push latency write response -> socket (ms): {Percentiles(d.FromResponse)}");
        Line($"             write sent -> socket (ms):     {Percentiles(d.FromSend)}");
        Line($"             response -> last socket of the user (ms): {Percentiles(d.LastSocketFromResponse)}");
        Line($"             {d.ArrivedBeforeResponse} deliveries reached a socket before the write's HTTP response reached the writer");
        Line($"throughput   {d.PushesPerSecond:0} pushes/s over {d.WallTime.TotalSeconds:0.00} s (first write sent to last delivery)");
        Line($"baseline     HTTP write round trip (ms): {Percentiles(w.HttpRoundTrip)}");
        if (report.Floor is { } floor)
        {
            var lost = floor.Lost > 0 ? string.Create(CultureInfo.InvariantCulture, $", {floor.Lost} never arrived") : string.Empty;
            Line($"             stream floor, PutItem response -> poller hands record to function (ms): {Percentiles(floor.FromPutResponse)}{lost}");
            Line($"             raw PutItem round trip (ms): {Percentiles(floor.PutRoundTrip)}");
        }

        Line($"stream       {report.Batching.Records} records in {report.Batching.Invocations} notify invocations ({report.Batching.RecordsPerInvocation:0.0} per batch)");
        Line($"stages during the write phase (ms), from .NET's own HTTP metrics:");
        foreach (var (stage, latency) in report.Stages)
            Line($"  {stage,-52} {Percentiles(latency)}");

        var r = report.Runtime;
        Line($"runtime      thread pool up to {r.MaxThreadPoolThreads} threads, queue max {r.MaxThreadPoolQueue} mean {r.MeanThreadPoolQueue:0.0}; GC {r.Gen0Collections} gen0 / {r.Gen2Collections} gen2, paused {r.GcPauseMilliseconds:0} ms ({r.GcPauseShare:P1} of the write phase)");

        var ratios = report.PushOverFloor is { } overFloor ? string.Create(CultureInfo.InvariantCulture, $"{overFloor:0.0}x the stream floor p50, ") : string.Empty;
        Line($"ratio        push p50 = {ratios}{report.PushOverHttpWrite:0.00}x the HTTP write p50");
        Line($"process      peak working set {report.PeakWorkingSetBytes / (1024.0 * 1024.0):0} MB, total run {report.TotalTime.TotalSeconds:0.0} s");
        return text.ToString();
    }

    private static string Percentiles(LatencySummary l) => l.Count == 0
        ? "no samples"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {l.P50:0.0}  p95 {l.P95:0.0}  p99 {l.P99:0.0}  max {l.Max:0.0}  mean {l.Mean:0.0}  (n={l.Count})");
}
