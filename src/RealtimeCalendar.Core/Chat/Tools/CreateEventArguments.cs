namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>The arguments of <c>create_event</c> as the model writes them.</summary>
public sealed record CreateEventArguments(string? Title, string? Start, string? End, bool? AllDay, string? Location, string? Description);
