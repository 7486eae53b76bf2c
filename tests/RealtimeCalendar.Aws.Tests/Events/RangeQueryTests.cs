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

    private readonly DynamoDbEventStore store = new(dynamoDb.Client, dynamoDb.Tables.Events);

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

        var found = await store.QueryAsync(user, Week, default);

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

        var found = await store.QueryAsync(user, Week, default);

        Assert.Equal(["a", "b", "c"], found.Select(e => e.Title));
    }

    [Fact]
    public async Task A_long_event_stops_matching_once_it_is_moved_short_and_away()
    {
        var user = NewUser();
        var project = await Put(user, "project", WeekStart.AddDays(-20), TimeSpan.FromDays(40));
        var shortened = project with { End = project.Start.AddHours(1), Version = 2 };
        await store.ReplaceAsync(shortened, 1, default);

        Assert.Empty(await store.QueryAsync(user, Week, default));
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

        // 200 items of ~7 KB exceed one 1 MB query page, so this only passes if paging is followed.
        Assert.Equal(200, (await store.QueryAsync(user, Week, default)).Count);
    }

    private async Task<CalendarEvent> Put(string user, string title, DateTimeOffset start, TimeSpan length)
    {
        var e = Event(user, start, length, title);
        Assert.Equal(StoreWriteOutcome.Written, await store.CreateAsync(e, default));
        return e;
    }
}
