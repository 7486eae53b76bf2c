using System.Text.Json.Serialization;

namespace RealtimeCalendar.Google.Wire;

/// <summary>
/// A Calendar v3 <c>EventDateTime</c>: <c>date</c> (all-day, yyyy-mm-dd) or <c>dateTime</c> (RFC 3339). All three fields
/// are always written, null included: <c>events.patch</c> merges <c>start</c>/<c>end</c> field by field, so switching a
/// timed event to all-day must say <c>"dateTime": null</c> (and the reverse <c>"date": null</c>), or Google holds
/// both and answers 400 "Invalid start time".
/// </summary>
public sealed class GoogleEventTimeJson
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateOnly? Date { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? DateTime { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? TimeZone { get; set; }
}
