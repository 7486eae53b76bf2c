namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>
/// What a successful create, update or delete answers the model; <see cref="Scope"/> is the scope that was applied when
/// the change reached a series (<c>this</c>, <c>following</c> or <c>all</c>), null for a single event.
/// </summary>
public sealed record EventWrittenResult(string Status, ToolEvent Event, string? Scope = null);
