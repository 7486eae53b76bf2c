using RealtimeCalendar.Benchmarks.Measurement;

namespace RealtimeCalendar.Benchmarks.Reporting;

/// <summary>
/// What the range-query run measured: whole listings (every page, as the browser reads a view) and first pages, for a
/// calendar of series and single events and for the same single events alone, in one process.
/// </summary>
public sealed record RangeQueryReport(
    MachineSnapshot Machine,
    int Series,
    int Overrides,
    int SingleEvents,
    int Iterations,
    IReadOnlyList<RangeQueryFigure> Figures);

/// <summary>One view of one calendar: latency of the whole listing and of its first page (ms), events and pages per listing.</summary>
public sealed record RangeQueryFigure(string View, string Calendar, int Events, int Pages, LatencySummary Listing, LatencySummary FirstPage);
