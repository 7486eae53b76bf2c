namespace RealtimeCalendar.Core.Chat.Model;

/// <summary>A tool offered to the model: its name, what it is for, and its arguments as a JSON Schema object.</summary>
public sealed record ModelTool(string Name, string Description, string ParametersSchemaJson);
