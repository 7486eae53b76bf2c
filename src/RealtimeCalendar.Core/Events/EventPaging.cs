namespace RealtimeCalendar.Core.Events;

/// <summary>
/// Page sizes of a range listing (Google Calendar's <c>maxResults</c>, with Google's default and ceiling). A page is
/// also cut by size, so the largest possible page stays far below Lambda's 6 MB synchronous response limit: each event
/// counts its <see cref="WireBound"/> (every text character as if it were <c>"</c>, which costs 8 bytes in the Lambda
/// response: escaped in the body, and that escape escaped again in the proxy response), and a page holds events up
/// to <see cref="PageBudgetBytes"/> of them. An event at every <see cref="EventLimits"/> bound counts ~72 KB, so a page of
/// those holds ~38 (~2.7 MB); ordinary events count 2-4 KB, so a month of them fits one page.
/// <c>src/RealtimeCalendar.Functions/README.md</c> ("Limits") has the arithmetic; a test serializes the worst page.
/// </summary>
public static class EventPaging
{
    /// <summary>Events per page when the caller names no <c>maxResults</c> (Google's default).</summary>
    public const int DefaultMaxResults = 250;

    /// <summary>The largest <c>maxResults</c> honoured; a larger one is lowered to this, as Google lowers its own.</summary>
    public const int MaxResultsCeiling = 2_500;

    /// <summary>The sum of <see cref="WireBound"/> one page may hold.</summary>
    public const int PageBudgetBytes = 2_800_000;

    /// <summary>Events the store reads at once; 40 events at every bound are within <see cref="PageBudgetBytes"/>.</summary>
    public const int StoreChunk = 40;

    /// <summary>What an event's fixed-shape fields (ids, instants, flags, field names) can cost in the Lambda response.</summary>
    public const int FixedBytesPerEvent = 2_048;

    /// <summary>The most one text character can cost in the Lambda response (a quote: <c>\\\"</c> inside the escaped body).</summary>
    public const int BytesPerCharacter = 8;

    /// <summary>The <see cref="WireBound"/> of an event at every <see cref="EventLimits"/> bound.</summary>
    public static readonly int LargestWireBound =
        FixedBytesPerEvent + (BytesPerCharacter * (EventLimits.TitleMaxLength + EventLimits.DescriptionMaxLength + EventLimits.LocationMaxLength + 64 + 32 + 16));

    /// <summary>The page size for a requested <c>maxResults</c>; null when it is not a positive number.</summary>
    public static int? PageSize(int? maxResults) => maxResults switch
    {
        null => DefaultMaxResults,
        < 1 => null,
        > MaxResultsCeiling => MaxResultsCeiling,
        { } size => size,
    };

    /// <summary>
    /// The most <paramref name="e"/> can cost in a listing's Lambda response, in bytes: <see cref="FixedBytesPerEvent"/>
    /// plus <see cref="BytesPerCharacter"/> per character of its text fields (zone and type ids included).
    /// </summary>
    public static int WireBound(CalendarEvent e) =>
        FixedBytesPerEvent + (BytesPerCharacter * (e.Title.Length + (e.Description?.Length ?? 0) + (e.Location?.Length ?? 0) + e.TimeZone.Length + e.EventType.Length + e.Source.Length));
}
