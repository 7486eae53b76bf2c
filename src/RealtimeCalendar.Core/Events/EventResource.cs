using System.Text.Json.Serialization;

namespace RealtimeCalendar.Core.Events;

/// <summary>The public shape of an event, used by the HTTP API and by real-time messages alike.</summary>
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
    string Source)
{
    public static EventResource From(CalendarEvent e) =>
        new(e.EventId, e.Title, e.Start, e.End, e.AllDay, e.TimeZone, e.Description, e.Location, e.Version, e.UpdatedAt, e.Source);
}
