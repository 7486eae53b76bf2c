namespace RealtimeCalendar.Local.Hosting;

/// <summary>Lets synchronous clean-up take its place in the local cloud's ordered shutdown.</summary>
internal sealed class DisposeAction(Action action) : IAsyncDisposable
{
    public ValueTask DisposeAsync()
    {
        action();
        return ValueTask.CompletedTask;
    }
}
