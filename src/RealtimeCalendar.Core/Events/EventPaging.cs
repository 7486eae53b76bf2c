namespace RealtimeCalendar.Core.Events;

/// <summary>
/// Page sizes of a range listing (Google Calendar's <c>maxResults</c>). The ceiling keeps the largest possible page far
/// below Lambda's 6 MB synchronous response limit: an event at every <see cref="EventLimits"/> bound whose text is all
/// <c>"</c> costs ~70 KB in the Lambda response (each character is escaped in the body, and that escape escaped again
/// in the proxy response: 8 bytes), so 40 of them are ~2.8 MB, under half the limit.
/// <c>src/RealtimeCalendar.Functions/README.md</c> ("Limits") has the arithmetic; a test serializes that page.
/// </summary>
public static class EventPaging
{
    /// <summary>Events per page when the caller names no <c>maxResults</c>.</summary>
    public const int DefaultMaxResults = 40;

    /// <summary>The largest <c>maxResults</c> honoured; a larger one is lowered to this, as Google lowers its own.</summary>
    public const int MaxResultsCeiling = 40;

    /// <summary>The page size for a requested <c>maxResults</c>; null when it is not a positive number.</summary>
    public static int? PageSize(int? maxResults) => maxResults switch
    {
        null => DefaultMaxResults,
        < 1 => null,
        > MaxResultsCeiling => MaxResultsCeiling,
        { } size => size,
    };
}
