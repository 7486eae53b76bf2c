using System.Text.Json.Serialization;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Realtime;

/// <summary>
/// What every socket of the owner receives for a change: <c>{"type":"event.changed","op","eventId","version","event","seq","at"}</c>.
/// Tabs apply it only when <see cref="Version"/> is newer than what they show, so duplicates and reordering are harmless.
/// </summary>
public sealed record ChangeMessage(
    string Op,
    string EventId,
    long Version,
    // Written as null for a delete (the wire's "event":null), not left out like other null fields.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] EventResource? Event,
    string Seq,
    [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset At)
{
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "event.changed";

    public static ChangeMessage From(EventChange change) => new(
        change.Operation == ChangeOperation.Delete ? "delete" : "upsert",
        change.EventId,
        change.Version,
        change.Event is null ? null : EventResource.From(change.Event),
        change.Sequence,
        change.At);
}
