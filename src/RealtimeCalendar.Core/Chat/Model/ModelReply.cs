namespace RealtimeCalendar.Core.Chat.Model;

/// <summary>One completion: text for the user, or tool calls to run before asking again (or, rarely, both).</summary>
public sealed record ModelReply(string? Text, IReadOnlyList<ModelToolCall> ToolCalls);
