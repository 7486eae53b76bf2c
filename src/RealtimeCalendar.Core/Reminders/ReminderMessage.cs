using System.Text.Json.Serialization;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// The socket frame of a due reminder: <c>{"type":"reminder","eventId","occurrenceStart","title","start","minutesBefore","reminderId"}</c>.
/// Every delivery of one reminder carries the same <see cref="ReminderId"/>; a tab shows an id once (until it is snoozed).
/// </summary>
public sealed record ReminderMessage(
    string EventId,
    [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset OccurrenceStart,
    string Title,
    [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset Start,
    int MinutesBefore,
    string ReminderId)
{
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "reminder";

    public static ReminderMessage From(ReminderNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new(notice.EventId, notice.OccurrenceStart, notice.Title, notice.Start, notice.MinutesBefore, notice.ReminderId);
    }
}
