namespace RealtimeCalendar.Google.Wire;

/// <summary>One entry of <see cref="GoogleErrorBodyJson.Errors"/>.</summary>
public sealed class GoogleErrorItemJson
{
    public string? Domain { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }
}
