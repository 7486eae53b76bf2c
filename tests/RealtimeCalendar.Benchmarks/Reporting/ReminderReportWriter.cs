using System.Globalization;
using System.Text;

namespace RealtimeCalendar.Benchmarks.Reporting;

/// <summary>Renders the reminders scenario's report as the few lines a README quotes.</summary>
public static class ReminderReportWriter
{
    public static string Render(ReminderReport report)
    {
        var w = report.Workload;
        var minutes = report.Minutes;
        var text = new StringBuilder();
        void Line(string label, string value) => text.Append(CultureInfo.InvariantCulture, $"{label,-12} {value}\n");

        text.Append(CultureInfo.InvariantCulture, $"RealtimeCalendar reminder sweep, {report.StartedAt:yyyy-MM-dd HH:mm} UTC: {(report.Passed ? "PASSED" : "FAILED")}\n");
        Line("machine", $"{report.Machine.ProcessorCount} CPUs, {report.Machine.OperatingSystem}, {report.Machine.Runtime}");
        Line("load", $"average before {report.Machine.LoadAverage}, after {report.LoadAverageAfter} (1/5/15 min; other processes share these CPUs)");
        Line("workload", $"{w.Owners} users x {w.RemindersPerUser} reminders = {report.TotalReminders} due across {w.WindowMinutes} minutes ({report.TotalReminders / w.WindowMinutes} a minute); " +
            $"{w.SocketUsers} users with an open socket; a simulated minute lasts {w.MinuteLength.TotalSeconds:0.#} s");
        Line("setup", $"events seeded in {report.SeededIn.TotalSeconds:0.0} s, sockets opened in {report.SocketsOpenedIn.TotalSeconds:0.0} s");
        Line("sweep (ms)", Summary(report.SweepMs) + $"  (n={report.SweepMs.Count} minutes; {report.MinutesLongerThanTheirLength} took longer than a simulated minute)");
        Line("per minute", $"due index queries p50 {Median(minutes.Select(m => (double)m.IndexQueries))}, read units p50 {Median(minutes.Select(m => m.ReadUnits))} " +
            $"(max {minutes.Max(m => m.ReadUnits):0.#}), events read p50 {Median(minutes.Select(m => (double)m.Entries))}, " +
            $"socket look-ups p50 {Median(minutes.Select(m => (double)m.ConnectionLookups))}");
        Line("reminders", $"sent to a socket {minutes.Sum(m => m.Sent)}, waiting for a tab {minutes.Sum(m => m.Waiting)}, failed {minutes.Sum(m => m.Failed)}");
        Line("frames", $"expected {report.ExpectedFrames}, received {report.DistinctFramesReceived} distinct, {report.DuplicateFrames} duplicates");
        Line("lateness", "after the due minute (ms): " + Summary(report.Lateness) + $"  (n={report.Lateness.Count}; goal p99 < 5000)");
        Line("run", $"{report.TotalRun.TotalSeconds:0.0} s in total");
        return text.ToString();
    }

    private static string Summary(Measurement.LatencySummary s) =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {s.P50:0.0}  p95 {s.P95:0.0}  p99 {s.P99:0.0}  max {s.Max:0.0}  mean {s.Mean:0.0}");

    private static string Median(IEnumerable<double> values) =>
        Measurement.LatencySummary.Of(values).P50.ToString("0.#", CultureInfo.InvariantCulture);
}
