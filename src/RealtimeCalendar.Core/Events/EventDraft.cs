namespace RealtimeCalendar.Core.Events;

/// <summary>What a caller asks to store: every user-editable field, nothing the server owns.</summary>
public sealed record EventDraft(
    string? Title,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    bool AllDay,
    string? TimeZone,
    string? Description,
    string? Location);
