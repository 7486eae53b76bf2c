namespace RealtimeCalendar.Google.Wire;

/// <summary>The Calendar v3 <c>Events</c> list response.</summary>
public sealed class GoogleEventListJson
{
    public string? Kind { get; set; }

    public string? TimeZone { get; set; }

    public string? NextPageToken { get; set; }

    public string? NextSyncToken { get; set; }

    public List<GoogleEventJson>? Items { get; set; }
}
