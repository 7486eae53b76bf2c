using System.Text.Json.Serialization;

namespace RealtimeCalendar.Google.Wire;

/// <summary>
/// A Calendar v3 <c>Event</c> resource as it travels, limited to the fields sync uses. <c>events.patch</c> merges a body
/// into the stored event and deletes a field sent as an explicit null, so the fields sync owns are always written, null
/// included: a cleared description is cleared on Google instead of keeping its old value.
/// </summary>
public sealed class GoogleEventJson
{
    public string? Kind { get; set; }

    public string? Etag { get; set; }

    public string? Id { get; set; }

    public string? Status { get; set; }

    public string? Summary { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Description { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Location { get; set; }

    public GoogleEventTimeJson? Start { get; set; }

    public GoogleEventTimeJson? End { get; set; }

    public DateTimeOffset? Updated { get; set; }

    /// <summary>RFC 5545 lines of a series; left out for single events and instances (written only for a series).</summary>
    public List<string>? Recurrence { get; set; }

    /// <summary>On an instance: the id of its series. Immutable; read only by sync.</summary>
    public string? RecurringEventId { get; set; }

    /// <summary>On an instance: where the series' rule starts it (<c>date</c> or <c>dateTime</c> + <c>timeZone</c>). Immutable; read only by sync.</summary>
    public GoogleEventTimeJson? OriginalStartTime { get; set; }

    /// <summary><c>default</c>, <c>outOfOffice</c>, <c>focusTime</c>, <c>workingLocation</c>, <c>birthday</c>, <c>fromGmail</c>; read only by sync.</summary>
    public string? EventType { get; set; }

    /// <summary>True when the user gave no end; Google still sends an <c>end</c>. Read only by sync.</summary>
    public bool? EndTimeUnspecified { get; set; }

    /// <summary>Left out of a patch when sync leaves Google's reminders as they are (see <c>GoogleReminderMapping</c>).</summary>
    public GoogleRemindersJson? Reminders { get; set; }
}
