namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>What a successful create, update or delete answers the model.</summary>
public sealed record EventWrittenResult(string Status, ToolEvent Event);
