namespace RealtimeCalendar.Core.Realtime;

/// <summary>A reply on the socket itself: <c>{"type":"pong"}</c> or <c>{"type":"error","code","message"}</c>.</summary>
public sealed record ServerFrame(string Type, string? Code = null, string? Message = null)
{
    public static ServerFrame Pong { get; } = new("pong");

    public static ServerFrame Error(string code, string message) => new("error", code, message);
}
