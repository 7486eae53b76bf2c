namespace RealtimeCalendar.Core.Chat.Model;

/// <summary>
/// What the chat can tell a client before anyone types: the model's name when configured, or how to configure it.
/// </summary>
public sealed record ChatModelStatus(bool Configured, string Model, string? SetupHint);
