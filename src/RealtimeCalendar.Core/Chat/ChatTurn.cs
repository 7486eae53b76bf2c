namespace RealtimeCalendar.Core.Chat;

/// <summary>One turn of the visible conversation. The server keeps no conversation: the client sends recent turns.</summary>
public sealed record ChatTurn(ChatRole Role, string Content);
