namespace RealtimeCalendar.Benchmarks.Reporting;

/// <summary>The cold-start scenario's figures: every binary serving <c>calendar-api</c> in the Lambda sandbox.</summary>
public sealed record ColdStartReport(
    DateTimeOffset StartedAt,
    MachineSnapshot MachineBefore,
    MachineSnapshot MachineAfter,
    int Runs,
    string Invocation,
    IReadOnlyList<ColdStartVariant> Variants);
