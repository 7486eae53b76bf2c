namespace RealtimeCalendar.Benchmarks.Options;

public enum BenchmarkScenario
{
    /// <summary>Push latency with every fault off (<see cref="Scenarios.PushLatencyRun"/>).</summary>
    PushLatency,

    /// <summary>Soak with fault switches on, checking every socket's view against the table (<see cref="Scenarios.ChaosRun"/>).</summary>
    Chaos,

    /// <summary>Process start to first answer of the AOT bootstrap, a JIT build and google-bootstrap (<see cref="Scenarios.ColdStartRun"/>).</summary>
    ColdStart,

    /// <summary>Month- and week-view listings of a calendar with series against single events only (<see cref="Scenarios.RangeQueryRun"/>).</summary>
    RangeQueries,

    /// <summary>The reminder sweep under many users' reminders, a simulated hour a minute at a time (<see cref="Scenarios.ReminderSweepRun"/>).</summary>
    Reminders,
}
