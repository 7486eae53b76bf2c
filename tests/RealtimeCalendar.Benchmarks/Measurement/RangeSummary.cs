namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>Median (nearest rank), minimum and maximum of a few measurements: all a handful of cold starts supports.</summary>
public sealed record RangeSummary(int Count, double P50, double Min, double Max)
{
    public static RangeSummary Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? new RangeSummary(0, double.NaN, double.NaN, double.NaN)
            : new RangeSummary(sorted.Length, sorted[Math.Max(0, (int)Math.Ceiling(0.5 * sorted.Length) - 1)], sorted[0], sorted[^1]);
    }
}
