using System.Text.Json.Serialization;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Functions.Reminders;

/// <summary>The answer to a snooze: when the reminder fires again (the same <c>snoozedUntil</c> every tab is pushed).</summary>
public sealed record SnoozedReminder(string ReminderId, [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset SnoozedUntil);
