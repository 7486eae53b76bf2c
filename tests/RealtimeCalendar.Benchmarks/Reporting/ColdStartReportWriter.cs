using System.Globalization;
using System.Text;
using RealtimeCalendar.Benchmarks.Measurement;

namespace RealtimeCalendar.Benchmarks.Reporting;

/// <summary>Renders the cold-start report as the printed table.</summary>
public static class ColdStartReportWriter
{
    public static string Render(ColdStartReport report)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"RealtimeCalendar cold start, {report.StartedAt:yyyy-MM-dd HH:mm} UTC, {report.Runs} runs per binary");
        Line($"machine      {report.MachineBefore.ProcessorCount} CPUs, {report.MachineBefore.OperatingSystem}, {report.MachineBefore.Runtime}");
        Line($"load average before {report.MachineBefore.LoadAverage ?? "n/a"}, after {report.MachineAfter.LoadAverage ?? "n/a"} (1/5/15 min; other processes share these CPUs)");
        Line($"invocation   {report.Invocation}; each process in the Lambda sandbox of --lambda process; p50 [min-max]");
        Line($"{"binary",-18} {"init (ms)",-22} {"first invocation (ms)",-24} {"vs AOT",-8} {"warm (ms)",-20} {"peak RSS (MB)",-18}");
        foreach (var variant in report.Variants)
        {
            var ratio = string.Create(CultureInfo.InvariantCulture, $"{variant.FirstInvocationRatio:0.0}x");
            Line($"{variant.Name,-18} {Range(variant.InitMs),-22} {Range(variant.FirstInvocationMs),-24} {ratio,-8} {Range(variant.WarmInvocationMs),-20} {Range(variant.PeakRssMb),-18}");
        }

        foreach (var variant in report.Variants)
            Line($"  {variant.Name}: {variant.Build}");
        return text.ToString();
    }

    private static string Range(RangeSummary range) =>
        string.Create(CultureInfo.InvariantCulture, $"{range.P50:0.0} [{range.Min:0.0}-{range.Max:0.0}]");
}
