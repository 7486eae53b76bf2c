namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>The arguments of <c>update_event</c>: the event's id and only the fields that change.</summary>
public sealed record UpdateEventArguments(
    string? EventId, string? Title, string? Start, string? End, bool? AllDay, string? Location, string? Description);
