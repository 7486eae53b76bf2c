using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>
/// The arguments of <c>create_event</c> as the model writes them. <see cref="Recurrence"/> (RFC 5545 lines, as the HTTP
/// API takes them) makes the event a series whose first occurrence is <see cref="Start"/>. <see cref="Reminders"/> is the
/// API's <c>reminders</c> (Google Calendar's <c>useDefault</c> and <c>overrides</c>); left out, the user's defaults apply.
/// </summary>
public sealed record CreateEventArguments(
    string? Title,
    string? Start,
    string? End,
    bool? AllDay,
    string? Location,
    string? Description,
    IReadOnlyList<string?>? Recurrence = null,
    EventReminders? Reminders = null);
