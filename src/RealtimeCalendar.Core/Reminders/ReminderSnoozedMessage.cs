using System.Text.Json.Serialization;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// Pushed to every socket of the owner when a reminder is snoozed in any tab: <c>{"type":"reminder.snoozed","reminderId","snoozedUntil"}</c>.
/// Tabs put the reminder away; it arrives again as a <c>reminder</c> frame with the same id at <see cref="SnoozedUntil"/>.
/// </summary>
public sealed record ReminderSnoozedMessage(string ReminderId, [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset SnoozedUntil)
{
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "reminder.snoozed";
}
