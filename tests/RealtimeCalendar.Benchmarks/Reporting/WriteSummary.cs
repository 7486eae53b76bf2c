using RealtimeCalendar.Benchmarks.Measurement;

namespace RealtimeCalendar.Benchmarks.Reporting;

/// <summary>The writes as their writers saw them: how many, of what kind, how fast, and the HTTP round trip of each.</summary>
public sealed record WriteSummary(int Attempted, int Succeeded, int Failed, int Creates, int Updates, double WritesPerSecond, LatencySummary HttpRoundTrip);
