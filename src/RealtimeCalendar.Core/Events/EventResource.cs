using System.Text.Json.Serialization;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Core.Events;

/// <summary>
/// The public shape of an event, used by the HTTP API and by real-time messages alike. <see cref="EventType"/> is Google's
/// <c>eventType</c> (<see cref="EventTypes"/>); <see cref="ReadOnly"/> is true when edits and deletes are refused (409).
/// A series has <see cref="Recurrence"/>; an occurrence has <see cref="RecurringEventId"/> and
/// <see cref="OriginalStartTime"/> and the series' <see cref="Version"/> (Google Calendar API v3 field names). The
/// three are left out of the JSON when null. <see cref="Reminders"/> is always given, Google's shape
/// (<c>{"useDefault":true}</c>, or <c>{"useDefault":false,"overrides":[{"method":"popup","minutes":10}]}</c>).
/// </summary>
public sealed record EventResource(
    string Id,
    string Title,
    [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset Start,
    [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset End,
    bool AllDay,
    string TimeZone,
    string? Description,
    string? Location,
    long Version,
    [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset UpdatedAt,
    string Source,
    string EventType,
    bool ReadOnly,
    IReadOnlyList<string>? Recurrence = null,
    string? RecurringEventId = null,
    [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset? OriginalStartTime = null,
    EventReminders? Reminders = null)
{
    public static EventResource From(CalendarEvent e) =>
        new(e.EventId, e.Title, e.Start, e.End, e.AllDay, e.TimeZone, e.Description, e.Location, e.Version, e.UpdatedAt, e.Source,
            e.EventType, e.IsReadOnly, e.Recurrence, e.RecurringEventId, e.OriginalStartTime, e.Reminders ?? EventReminders.Default);
}
