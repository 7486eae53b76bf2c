namespace RealtimeCalendar.Core.Chat;

/// <summary>A question to the assistant: the recent turns, oldest first, ending with the user's new message.</summary>
public sealed record ChatQuestion(IReadOnlyList<ChatTurn> Turns, string? TimeZone);
