namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>The JSON answered to the model for one tool call, and the change it made, if any.</summary>
public sealed record ToolExecution(string ResultJson, ChatChange? Change);
