using System.Text.Json.Serialization;

namespace RealtimeCalendar.Google.Wire;

/// <summary>
/// A Calendar v3 event's <c>reminders</c>: <c>useDefault</c> (the calendar's default reminders apply) or the event's own
/// <c>overrides</c>, at most five, each <c>{method: email|popup, minutes: 0..40320}</c>. Google refuses overrides next to
/// <c>useDefault: true</c>, and <c>events.patch</c> merges this object member by member, so <see cref="Overrides"/> is
/// always written, as null when there are none: that deletes the overrides Google held.
/// </summary>
public sealed class GoogleRemindersJson
{
    public bool? UseDefault { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public List<GoogleReminderJson>? Overrides { get; set; }
}
