namespace RealtimeCalendar.Google.Wire;

/// <summary>A Calendar v3 <c>Channel</c>: the body of <c>events.watch</c> and <c>channels.stop</c>, and the watch answer.</summary>
public sealed class GoogleChannelJson
{
    public string? Kind { get; set; }

    public string? Id { get; set; }

    public string? ResourceId { get; set; }

    public string? ResourceUri { get; set; }

    public string? Token { get; set; }

    /// <summary>Milliseconds since the epoch, as a decimal string (Google's int64 convention).</summary>
    public string? Expiration { get; set; }

    public string? Type { get; set; }

    public string? Address { get; set; }
}
