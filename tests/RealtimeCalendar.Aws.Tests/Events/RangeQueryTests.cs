using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Aws.Tests.Fixtures;
using RealtimeCalendar.Core.Events;
using static RealtimeCalendar.Aws.Tests.Events.SampleEvents;

namespace RealtimeCalendar.Aws.Tests.Events;

/// <summary>The week of 2026-11-23 (Mon) to 2026-11-30, and events placed around its edges.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class RangeQueryTests(DynamoDbLocalFixture dynamoDb)
{
    private static readonly DateTimeOffset WeekStart = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeRange Week = new(WeekStart, WeekStart.AddDays(7));

    private readonly DynamoDbEventStore store = dynamoDb.CreateEventStore();

    [Fact]
    public async Task Events_overlapping_the_range_are_returned_and_others_are_not()
    {
        var user = NewUser();
        var expected = new[]
        {
            await Put(user, "inside", WeekStart.AddDays(2).AddHours(9), TimeSpan.FromHours(1)),
            await Put(user, "straddles start", WeekStart.AddHours(-2), TimeSpan.FromHours(3)),
            await Put(user, "straddles end", Week.To.AddHours(-1), TimeSpan.FromHours(2)),
            await Put(user, "six-day trip from before", WeekStart.AddDays(-6), TimeSpan.FromDays(6.5)),
            await Put(user, "month-long project around the week", WeekStart.AddDays(-20), TimeSpan.FromDays(40)),
            await Put(user, "starts at the range start", WeekStart, TimeSpan.FromMinutes(30)),
        };
        await Put(user, "ends exactly at from", WeekStart.AddHours(-1), TimeSpan.FromHours(1));
        await Put(user, "starts exactly at to", Week.To, TimeSpan.FromHours(1));
        await Put(user, "long ago", WeekStart.AddDays(-60), TimeSpan.FromDays(10));
        await Put(user, "next month", WeekStart.AddDays(30), TimeSpan.FromHours(1));
        await Put(NewUser(), "someone else's, inside", WeekStart.AddDays(1), TimeSpan.FromHours(1));

        var found = await ListAllAsync(user, Week);

        Assert.Equal(expected.Select(e => e.Title).Order(), found.Select(e => e.Title).Order());
        Assert.All(found, e => Assert.True(Week.Overlaps(e.Start, e.End)));
    }

    [Fact]
    public async Task Results_come_sorted_by_start()
    {
        var user = NewUser();
        await Put(user, "c", WeekStart.AddDays(3), TimeSpan.FromHours(1));
        await Put(user, "a", WeekStart.AddDays(-10), TimeSpan.FromDays(12));
        await Put(user, "b", WeekStart.AddDays(1), TimeSpan.FromHours(1));

        var found = await ListAllAsync(user, Week);

        Assert.Equal(["a", "b", "c"], found.Select(e => e.Title));
    }

    [Fact]
    public async Task A_long_event_stops_matching_once_it_is_moved_short_and_away()
    {
        var user = NewUser();
        var project = await Put(user, "project", WeekStart.AddDays(-20), TimeSpan.FromDays(40));
        var shortened = project with { End = project.Start.AddHours(1), Version = 2 };
        await store.ReplaceAsync(shortened, 1, default);

        Assert.Empty(await ListAllAsync(user, Week));
    }

    [Fact]
    public async Task Many_events_are_all_returned_across_result_pages()
    {
        var user = NewUser();
        var longDescription = new string('x', 7_000);
        for (var i = 0; i < 200; i++)
        {
            var e = Event(user, WeekStart.AddMinutes(i * 30), TimeSpan.FromMinutes(20), $"e{i}") with { Description = longDescription };
            await store.CreateAsync(e, default);
        }

        // 200 items of ~7 KB exceed one 1 MB query page and four pages of events, so this only passes if both are followed.
        Assert.Equal(200, (await ListAllAsync(user, Week)).Count);
    }

    [Fact]
    public async Task Pages_hold_at_most_max_results_and_together_list_every_overlapping_event_once_in_start_order()
    {
        var user = NewUser();
        await Put(user, "month-long project around the week", WeekStart.AddDays(-20), TimeSpan.FromDays(40));
        await Put(user, "ten-day trip from before", WeekStart.AddDays(-9), TimeSpan.FromDays(10));
        for (var i = 0; i < 23; i++)
            await Put(user, $"e{i:00}", WeekStart.AddHours(i * 5), TimeSpan.FromHours(1));
        await Put(user, "long ago", WeekStart.AddDays(-60), TimeSpan.FromDays(10));

        var pages = new List<EventPage>();
        string? token = null;
        do
        {
            var page = await store.QueryPageAsync(user, Week, 4, token, default);
            Assert.InRange(page.Events.Count, 0, 4);
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token is not null && pages.Count < 50);

        var listed = pages.SelectMany(p => p.Events).ToList();
        Assert.Equal(25, listed.Count);
        Assert.Equal(listed.Count, listed.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(listed.OrderBy(e => e.Start).Select(e => e.EventId), listed.Select(e => e.EventId));
        Assert.DoesNotContain(listed, e => e.Title == "long ago");
        Assert.True(pages.Count >= 7);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("MXxXfDIwMjYtMTEtMjNUMDA6MDA6MDAuMDAwWnxub3QtYW4taWQ")] // 1|W|2026-11-23T00:00:00.000Z|not-an-id
    [InlineData("MnxXfHw")] // 2|W|| (unknown version)
    [InlineData("MXxXfDIwMzAtMDEtMDFUMDA6MDA6MDAuMDAwWnwwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg")] // a start outside this range
    public async Task A_token_that_was_not_handed_out_for_the_range_is_refused(string token)
    {
        await Assert.ThrowsAsync<InvalidPageTokenException>(() => store.QueryPageAsync(NewUser(), Week, 10, token, default));
    }

    private async Task<List<CalendarEvent>> ListAllAsync(string user, TimeRange range)
    {
        var events = new List<CalendarEvent>();
        string? token = null;
        do
        {
            var page = await store.QueryPageAsync(user, range, EventPaging.MaxResultsCeiling, token, default);
            events.AddRange(page.Events);
            token = page.NextPageToken;
        }
        while (token is not null);
        return events;
    }

    private async Task<CalendarEvent> Put(string user, string title, DateTimeOffset start, TimeSpan length)
    {
        var e = Event(user, start, length, title);
        Assert.Equal(StoreWriteOutcome.Written, await store.CreateAsync(e, default));
        return e;
    }
}
