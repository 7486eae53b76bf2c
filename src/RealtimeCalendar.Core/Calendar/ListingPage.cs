using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Calendar;

/// <summary>One page of a range listing being filled: at most the page size in events and <see cref="EventPaging.PageBudgetBytes"/> of their <see cref="EventPaging.WireBound"/>.</summary>
internal sealed class ListingPage(int size)
{
    private readonly List<CalendarEvent> events = [];
    private long bytes;

    /// <summary>How many more events of <paramref name="wireBound"/> bytes fit, by count and by size.</summary>
    public int RoomFor(int wireBound) => (int)Math.Min(size - events.Count, (EventPaging.PageBudgetBytes - bytes) / wireBound);

    public void Add(CalendarEvent e)
    {
        events.Add(e);
        bytes += EventPaging.WireBound(e);
    }

    public CalendarOutcome Listed(string? nextPageToken, bool truncated) =>
        new CalendarOutcome.Listed(new EventPage(events, nextPageToken, truncated));
}
