namespace RealtimeCalendar.Google.Wire;

/// <summary>The <c>error</c> member of <see cref="GoogleErrorJson"/>.</summary>
public sealed class GoogleErrorBodyJson
{
    public int Code { get; set; }

    public string? Message { get; set; }

    public List<GoogleErrorItemJson>? Errors { get; set; }
}
