using System.Globalization;
using System.Text;
using RealtimeCalendar.Benchmarks.Measurement;

namespace RealtimeCalendar.Benchmarks.Reporting;

/// <summary>Renders a chaos report as the text summary printed to the console (<see cref="ReportFiles"/> saves it).</summary>
public static class ChaosReportWriter
{
    public static string Render(ChaosReport report)
    {
        var s = report.Settings;
        var f = report.FaultRates;
        var d = report.Deliveries;
        var c = report.Comparison;
        var w = report.Writes;
        var seen = report.Faults;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"RealtimeCalendar chaos run, {report.StartedAt:yyyy-MM-dd HH:mm} UTC: {(report.Passed ? "PASSED" : "FAILED")}");
        Line($"machine      {report.MachineBefore.ProcessorCount} CPUs, {report.MachineBefore.OperatingSystem}, {report.MachineBefore.Runtime}");
        Line($"load average before {report.MachineBefore.LoadAverage ?? "n/a"}, after {report.MachineAfter.LoadAverage ?? "n/a"} (1/5/15 min; other processes share these CPUs)");
        Line($"workload     {s.Sockets} sockets over {s.Users} users (opened in {report.SocketsOpenedIn.TotalSeconds:0.0} s), {s.Writers} writers at {s.TargetWritesPerSecond:0.#} writes/s for {report.Duration.TotalSeconds:0} s, update share {s.UpdateShare:0.##}, seed {s.Seed}");
        Line($"fault rates  Management API posts 429 {f.PostThrottleShare:P1}, 500 {f.PostServerErrorShare:P1}; sockets dropped {f.SocketDropShare:P1} every {f.SocketDropInterval.TotalSeconds:0.#} s ({f.LostDisconnectShare:P0} of them losing $disconnect); notify fails on {f.NotifyFailureShare:P1} of records; DynamoDB Local restarts {seen.DynamoDbRestarts}; fault seed {f.Seed}");
        Line($"faults seen  {seen.PostFailuresInjected} posts failed, {seen.SocketsDropped} sockets dropped ({seen.DisconnectsLost} without $disconnect), {seen.NotifyFailuresInjected} notify invocations failed ({seen.NotifyFunctionErrors} function errors seen by the mapping), {seen.StreamReadFailures} stream reads failed and resumed, functions held {string.Join(", ", seen.RestartHeldMilliseconds.Select(ms => ms.ToString("0", CultureInfo.InvariantCulture) + " ms"))} by restarts");
        Line($"writes       {w.Succeeded}/{w.Attempted} ok ({w.Creates} creates, {w.Updates} updates, {w.Failed} failed), {w.WritesPerSecond:0.0} writes/s; HTTP round trip (ms): {Percentiles(w.HttpRoundTrip)}");
        Line($"deliveries   expected {d.Expected}, received {d.Received} ({d.FirstPushes} first pushes, {d.Duplicates} duplicates shown), {d.NotPushed} not pushed (socket offline or change superseded: covered by the reload)");
        Line($"sockets      {d.Connects} connects ({d.Reconnects} reconnects), {d.FailedConnects} failed attempts retried with backoff");
        Line($"views        {c.PairsCompared} (socket, event) pairs compared over {c.TabsCompared} sockets ({c.TabsNotLive} not live at the end): {c.DivergentPairs} divergent pairs, DIVERGENT EVENTS {c.DivergentEvents}; converged {report.ConvergedIn.TotalSeconds:0.0} s after the last write");
        foreach (var example in c.Examples)
            Line($"             {example}");
        Line($"5xx          {report.ServerErrors}{(report.ServerErrors == 0 ? string.Empty : " (" + string.Join(", ", report.ServerErrorsByCall.Select(e => $"{e.Key}: {e.Value}")) + ")")}");
        Line($"cleanup      {report.Cleanup.GoneAnswers} posts answered 410 for {report.Cleanup.GoneConnections} connections; {report.Cleanup.CleanedAfter410} of them cleaned by notify; {report.Cleanup.StaleRecordsLeft} records left without a socket (TTL removes them)");
        Line($"stream       {seen.StreamRecordsGivenUp} records given up after the last retry");
        Line($"push latency write response -> socket (ms): {Percentiles(report.LatencyFromResponse)}");
        Line($"             write sent -> socket (ms):     {Percentiles(report.LatencyFromSend)}");
        Line($"process      peak working set {report.PeakWorkingSetBytes / (1024.0 * 1024.0):0} MB (host and clients share this process; DynamoDB Local and cognito-local are children), total run {report.TotalTime.TotalSeconds:0.0} s");
        return text.ToString();
    }

    private static string Percentiles(LatencySummary l) => l.Count == 0
        ? "no samples"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {l.P50:0.0}  p95 {l.P95:0.0}  p99 {l.P99:0.0}  max {l.Max:0.0}  (n={l.Count})");
}
