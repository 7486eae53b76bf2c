namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>What one pull did so far, counted while it runs.</summary>
internal sealed class GooglePullCounts
{
    public bool FullResync { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Deleted { get; set; }

    public int Echoes { get; set; }

    public int LocalWins { get; set; }

    public int Skipped { get; set; }

    public GoogleSyncResult ToResult() => new(true, FullResync, Created, Updated, Deleted, Echoes, LocalWins, Skipped);
}
