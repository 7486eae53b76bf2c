namespace RealtimeCalendar.Google.Wire;

/// <summary>A Calendar v3 <c>Event</c> resource as it travels, limited to the fields sync uses.</summary>
public sealed class GoogleEventJson
{
    public string? Kind { get; set; }

    public string? Etag { get; set; }

    public string? Id { get; set; }

    public string? Status { get; set; }

    public string? Summary { get; set; }

    public string? Description { get; set; }

    public string? Location { get; set; }

    public GoogleEventTimeJson? Start { get; set; }

    public GoogleEventTimeJson? End { get; set; }

    public DateTimeOffset? Updated { get; set; }

    public List<string>? Recurrence { get; set; }
}
