namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>The arguments of <c>delete_event</c>: the event's or occurrence's id, and for a series the <see cref="Scope"/>.</summary>
public sealed record DeleteEventArguments(string? EventId, string? Scope = null);
