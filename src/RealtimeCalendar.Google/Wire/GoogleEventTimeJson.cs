namespace RealtimeCalendar.Google.Wire;

/// <summary>A Calendar v3 <c>EventDateTime</c>: <c>date</c> (all-day, yyyy-mm-dd) or <c>dateTime</c> (RFC 3339).</summary>
public sealed class GoogleEventTimeJson
{
    public DateOnly? Date { get; set; }

    public DateTimeOffset? DateTime { get; set; }

    public string? TimeZone { get; set; }
}
