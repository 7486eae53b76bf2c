namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>The arguments of <c>delete_event</c>.</summary>
public sealed record DeleteEventArguments(string? EventId);
