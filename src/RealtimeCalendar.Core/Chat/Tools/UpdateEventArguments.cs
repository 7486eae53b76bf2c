using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>
/// The arguments of <c>update_event</c>: the event's or occurrence's id and only the fields that change.
/// <see cref="Scope"/> (<c>this</c>, <c>following</c> or <c>all</c>) says which occurrences of a series the change
/// reaches; <see cref="Recurrence"/> replaces the rule (or makes a single event a series); <see cref="Reminders"/> replaces
/// the event's reminders (left out, they stay as they are).
/// </summary>
public sealed record UpdateEventArguments(
    string? EventId,
    string? Title,
    string? Start,
    string? End,
    bool? AllDay,
    string? Location,
    string? Description,
    IReadOnlyList<string?>? Recurrence = null,
    string? Scope = null,
    EventReminders? Reminders = null);
