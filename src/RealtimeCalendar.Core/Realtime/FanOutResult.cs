namespace RealtimeCalendar.Core.Realtime;

/// <summary>
/// How one change reached a user's sockets. Gone and Rejected sockets are settled (retrying cannot help them);
/// only Failed ones (still transient after every retry) make the change worth redelivering.
/// </summary>
public sealed record FanOutResult(int Delivered, int Gone, int Rejected, int Failed)
{
    public static readonly FanOutResult None = new(0, 0, 0, 0);

    public bool Complete => Failed == 0;
}
