namespace RealtimeCalendar.Core.Events;

/// <summary>
/// Page sizes of a range listing (Google Calendar's <c>maxResults</c>). The ceiling keeps the largest possible page far
/// below Lambda's 6 MB synchronous response limit: an event at every <see cref="EventLimits"/> bound whose text is
/// all astral-plane characters costs at most ~62 KB in the Lambda response (each UTF-16 unit is escaped as <c>\uXXXX</c>
/// in the body and that backslash escaped again in the proxy response: 7 bytes), so 50 of them are ~3.1 MB.
/// <c>src/RealtimeCalendar.Functions/README.md</c> ("Limits") has the arithmetic; a test serializes that page.
/// </summary>
public static class EventPaging
{
    /// <summary>Events per page when the caller names no <c>maxResults</c>.</summary>
    public const int DefaultMaxResults = 50;

    /// <summary>The largest <c>maxResults</c> honoured; a larger one is lowered to this, as Google lowers its own.</summary>
    public const int MaxResultsCeiling = 50;

    /// <summary>The page size for a requested <c>maxResults</c>; null when it is not a positive number.</summary>
    public static int? PageSize(int? maxResults) => maxResults switch
    {
        null => DefaultMaxResults,
        < 1 => null,
        > MaxResultsCeiling => MaxResultsCeiling,
        { } size => size,
    };
}
