namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>
/// The arguments of <c>create_event</c> as the model writes them. <see cref="Recurrence"/> (RFC 5545 lines, as the HTTP
/// API takes them) makes the event a series whose first occurrence is <see cref="Start"/>.
/// </summary>
public sealed record CreateEventArguments(
    string? Title, string? Start, string? End, bool? AllDay, string? Location, string? Description, IReadOnlyList<string?>? Recurrence = null);
