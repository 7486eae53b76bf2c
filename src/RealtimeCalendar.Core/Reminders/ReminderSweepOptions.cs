namespace RealtimeCalendar.Core.Reminders;

/// <summary>How much one sweep takes on.</summary>
public sealed record ReminderSweepOptions
{
    /// <summary>Users served at once (each user's reminders go out in one fan-out).</summary>
    public int MaxDegreeOfParallelism { get; init; } = 64;

    /// <summary>
    /// Entries one sweep reads from each shard of each index; what is left is due still and taken by the next sweep a
    /// minute later, so a backlog shrinks instead of one invocation running into its timeout.
    /// </summary>
    public int MaxEntriesPerShard { get; init; } = 5_000;
}
