namespace RealtimeCalendar.Core.Chat;

/// <summary>An event the assistant changed while answering, so the client can show what an answer did.</summary>
public sealed record ChatChange(ChatChangeKind Kind, string EventId, string Title, DateTimeOffset Start, bool AllDay, long Version);
