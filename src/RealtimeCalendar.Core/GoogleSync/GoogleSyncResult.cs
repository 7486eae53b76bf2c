namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// What one pull did. <see cref="Echoes"/> are our own writes seen coming back; <see cref="LocalWins"/> are Google
/// changes that lost to a later local edit (which was then pushed back to Google).
/// </summary>
public sealed record GoogleSyncResult(
    bool Connected,
    bool FullResync,
    int Created,
    int Updated,
    int Deleted,
    int Echoes,
    int LocalWins,
    int Skipped)
{
    public static GoogleSyncResult NotConnected { get; } = new(false, false, 0, 0, 0, 0, 0, 0);
}
