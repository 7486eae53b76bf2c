using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.EndToEnd.Tests.Fixtures;

/// <summary>Reads every page of a listing straight from the calendar service, for tests that witness what is stored.</summary>
internal static class CalendarPages
{
    public static async Task<IReadOnlyList<CalendarEvent>> ListAllAsync(this CalendarService calendar, string userId, TimeRange range)
    {
        var events = new List<CalendarEvent>();
        string? token = null;
        do
        {
            var page = ((CalendarOutcome.Listed)await calendar.ListAsync(userId, range, maxResults: null, token, CancellationToken.None)).Page;
            events.AddRange(page.Events);
            token = page.NextPageToken;
        }
        while (token is not null);
        return events;
    }
}
