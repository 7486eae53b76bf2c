namespace RealtimeCalendar.Core.Realtime;

/// <summary>How one PostToConnection ended.</summary>
public enum PostOutcome
{
    Delivered,

    /// <summary>410: the socket is closed for good; its record should be deleted.</summary>
    Gone,

    /// <summary>429 or a 5xx: worth retrying with backoff.</summary>
    Transient,

    /// <summary>Any other 4xx: retrying will not help.</summary>
    Rejected,
}
