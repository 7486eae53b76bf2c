using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>
/// An event as the model sees it in tool results: timed events in the user's local time (with offset), all-day
/// events as dates with the end date inclusive, the way people say them. <see cref="ReadOnlyType"/> is set (to Google's
/// <c>eventType</c>) only for read-only entries, so the model knows not to offer changes to them. A series carries its
/// <see cref="Recurrence"/> lines; an occurrence of one carries <see cref="RecurringEventId"/> (the series' id) and
/// <see cref="OriginalStartTime"/> (where the rule puts it, written like <see cref="Start"/>), Google Calendar's names.
/// <see cref="Reminders"/> is set only when the event has its own reminders; left out, the user's defaults apply.
/// </summary>
public sealed record ToolEvent(
    string Id,
    string Title,
    string Start,
    string End,
    bool AllDay,
    string? Location,
    string? Description,
    string? ReadOnlyType = null,
    IReadOnlyList<string>? Recurrence = null,
    string? RecurringEventId = null,
    string? OriginalStartTime = null,
    EventReminders? Reminders = null);
