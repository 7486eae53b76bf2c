namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>
/// An event as the model sees it in tool results: timed events in the user's local time (with offset), all-day
/// events as dates with the end date inclusive, the way people say them.
/// </summary>
public sealed record ToolEvent(string Id, string Title, string Start, string End, bool AllDay, string? Location, string? Description);
