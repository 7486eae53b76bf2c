namespace RealtimeCalendar.Core.Chat.Model;

/// <summary>A tool call the model asked for. <see cref="ArgumentsJson"/> is whatever the model wrote: it may be invalid.</summary>
public sealed record ModelToolCall(string Id, string Name, string ArgumentsJson);
