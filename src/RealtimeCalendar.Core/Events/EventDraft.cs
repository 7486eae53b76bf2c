using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Core.Events;

/// <summary>
/// What a caller asks to store: every user-editable field, nothing the server owns. <see cref="Recurrence"/> (null: not
/// given) makes a series on create; on an edit of a series it replaces the rule, and null keeps the stored one.
/// <see cref="Reminders"/> null (not given) means the owner's defaults, as <c>useDefault: true</c> does.
/// </summary>
public sealed record EventDraft(
    string? Title,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    bool AllDay,
    string? TimeZone,
    string? Description,
    string? Location,
    IReadOnlyList<string?>? Recurrence = null,
    EventReminders? Reminders = null);
