using System.Globalization;
using System.Text;

namespace RealtimeCalendar.Benchmarks.Reporting;

/// <summary>Prints a <see cref="RangeQueryReport"/>: per view, both calendars' listing and first-page latency and their ratio.</summary>
public static class RangeQueryReportWriter
{
    public static string Render(RangeQueryReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"calendar     {report.Series} series ({report.Overrides} moved occurrences) + {report.SingleEvents} single events, against the same {report.SingleEvents} single events alone");
        text.AppendLine(CultureInfo.InvariantCulture, $"machine      {report.Machine.ProcessorCount} CPUs, {report.Machine.Runtime}, load {report.Machine.LoadAverage}; {report.Iterations} listings per view and calendar");
        foreach (var view in report.Figures.GroupBy(f => f.View))
        {
            foreach (var f in view)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{f.View,-6} {f.Calendar,-17} {f.Events,5} events in {f.Pages,3} pages | whole listing (ms) p50 {f.Listing.P50:F1}  p99 {f.Listing.P99:F1}  mean {f.Listing.Mean:F1} | first page p50 {f.FirstPage.P50:F1}  p99 {f.FirstPage.P99:F1}");
            }

            var mixed = view.Single(f => f.Calendar != "singles only");
            var singles = view.Single(f => f.Calendar == "singles only");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{view.Key,-6} ratio series+singles / singles only: whole listing p50 {mixed.Listing.P50 / singles.Listing.P50:F2}x, first page p50 {mixed.FirstPage.P50 / singles.FirstPage.P50:F2}x");
        }

        return text.ToString();
    }
}
