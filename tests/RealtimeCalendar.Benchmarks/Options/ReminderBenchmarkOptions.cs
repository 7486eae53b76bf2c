namespace RealtimeCalendar.Benchmarks.Options;

/// <summary>The reminders scenario's workload: who has reminders, how many, over how long, and how fast the simulated minutes pass.</summary>
public sealed record ReminderBenchmarkOptions
{
    /// <summary>Users with reminders (their events are written straight into the Events table, due index included).</summary>
    public int Owners { get; init; } = 10_000;

    /// <summary>Reminders per user, one event each, spread evenly over <see cref="WindowMinutes"/>.</summary>
    public int RemindersPerUser { get; init; } = 20;

    /// <summary>The minutes the reminders are due across, swept one by one.</summary>
    public int WindowMinutes { get; init; } = 60;

    /// <summary>Owners signed in to the local Cognito pool with one open socket each: their frames are timed; the others' reminders wait for a tab.</summary>
    public int SocketUsers { get; init; } = 500;

    /// <summary>How long each simulated minute lasts in real time: the next minute's sweep starts this long after the last one began (or when it ends, if later).</summary>
    public TimeSpan MinuteLength { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Each event's one reminder, minutes before its start.</summary>
    public int LeadMinutes { get; init; } = 10;
}
