using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Aws.Reminders;
using RealtimeCalendar.Aws.Tables;
using RealtimeCalendar.Aws.Tests.Fixtures;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Reminders;
using static RealtimeCalendar.Aws.Tests.Events.SampleEvents;

namespace RealtimeCalendar.Aws.Tests.Events;

/// <summary>
/// Series are stored once, outside the start indexes, and found through the sparse series index by their span; a
/// series change is written all or nothing under the series' version.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class SeriesStorageTests(DynamoDbLocalFixture dynamoDb)
{
    private readonly DynamoDbEventStore store = dynamoDb.CreateEventStore();

    private static CalendarEvent Series(string user, DateTimeOffset start, DateTimeOffset? lastEnd, long version = 1) =>
        Event(user, start, TimeSpan.FromHours(1), "Stand-up", version) with
        {
            Recurrence = lastEnd is null ? ["RRULE:FREQ=WEEKLY"] : ["RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE;TZID=Europe/Berlin:20261202T130000"],
            OverrideIds = [],
            LastOccurrenceEnd = lastEnd,
        };

    [Fact]
    public async Task A_series_round_trips_with_its_lines_and_is_in_no_start_index()
    {
        var user = NewUser();
        var series = Series(user, Noon, Noon.AddDays(21).AddHours(1)) with { OverrideIds = [$"x_20261202T120000Z"] };
        Assert.Equal(StoreWriteOutcome.Written, await store.CreateAsync(series, default));

        var read = (await store.GetAsync(user, series.EventId, default))!;
        Assert.Equal(series.Recurrence, read.Recurrence);
        Assert.Equal(series.OverrideIds, read.OverrideIds);
        Assert.Equal(series.LastOccurrenceEnd, read.LastOccurrenceEnd);
        Assert.Equal((series.Start, series.End), (read.Start, read.End));
        Assert.Empty((await store.QueryPageAsync(user, new TimeRange(Noon.AddDays(-1), Noon.AddDays(1)), EventPaging.MaxResultsCeiling, null, default)).Events);
    }

    [Fact]
    public async Task The_series_index_finds_series_whose_span_overlaps_the_range_and_no_others()
    {
        var user = NewUser();
        var ended = Series(user, Noon.AddDays(-60), Noon.AddDays(-30));
        var bounded = Series(user, Noon, Noon.AddDays(21).AddHours(1));
        var forever = Series(user, Noon.AddDays(-400), lastEnd: null);
        var later = Series(user, Noon.AddDays(100), lastEnd: null);
        foreach (var s in new[] { ended, bounded, forever, later })
            await store.CreateAsync(s, default);

        var found = await store.QuerySeriesAsync(user, new TimeRange(Noon.AddDays(7), Noon.AddDays(14)), default);
        Assert.Equal(new[] { bounded.EventId, forever.EventId }.Order(), found.Select(s => s.EventId).Order());
        Assert.Equal(4, await store.CountSeriesAsync(user, default));
        Assert.Null(found.Single(s => s.EventId == forever.EventId).LastOccurrenceEnd);
    }

    [Fact]
    public async Task A_series_write_is_all_or_nothing_and_guarded_by_the_series_version()
    {
        var user = NewUser();
        var series = Series(user, Noon, lastEnd: null);
        await store.CreateAsync(series, default);
        var overrideId = EventIds.Instance(series.EventId, Noon.AddDays(7), allDay: false);
        var moved = Event(user, Noon.AddDays(7).AddHours(2), TimeSpan.FromHours(1), "Stand-up", version: 2) with
        {
            EventId = overrideId,
            RecurringEventId = series.EventId,
            OriginalStartTime = Noon.AddDays(7),
        };

        // Stale: nothing of it is written.
        var stale = new SeriesWrite(user, series.EventId, 5, series with { Version = 6, OverrideIds = [overrideId] }, [moved], []);
        Assert.Equal(StoreWriteOutcome.VersionConflict, await store.WriteSeriesAsync(stale, default));
        Assert.Null(await store.GetAsync(user, overrideId, default));
        Assert.Empty((await store.GetAsync(user, series.EventId, default))!.OverrideIds!);

        var write = new SeriesWrite(user, series.EventId, 1, series with { Version = 2, OverrideIds = [overrideId] }, [moved], []);
        Assert.Equal(StoreWriteOutcome.Written, await store.WriteSeriesAsync(write, default));
        var stored = (await store.GetAsync(user, overrideId, default))!;
        Assert.Equal((series.EventId, Noon.AddDays(7)), (stored.RecurringEventId, stored.OriginalStartTime));
        // The override is an event of the range, found by the start index like a single event.
        Assert.Single((await store.QueryPageAsync(user, new TimeRange(Noon.AddDays(7), Noon.AddDays(8)), EventPaging.MaxResultsCeiling, null, default)).Events);

        // A put whose version does not grow fails the whole write, the series' update too.
        var shrinking = new SeriesWrite(user, series.EventId, 2, series with { Version = 3, Title = "Renamed", OverrideIds = [overrideId] }, [moved with { Version = 1 }], []);
        Assert.Equal(StoreWriteOutcome.VersionConflict, await store.WriteSeriesAsync(shrinking, default));
        Assert.Equal("Stand-up", (await store.GetAsync(user, series.EventId, default))!.Title);

        var delete = new SeriesWrite(user, series.EventId, 2, null, [], [new EventTombstone(overrideId, 2)]);
        Assert.Equal(StoreWriteOutcome.Written, await store.WriteSeriesAsync(delete, default));
        Assert.Empty(await store.GetManyAsync(user, [series.EventId, overrideId], default));
        Assert.Equal(2, await store.GetLastVersionAsync(user, series.EventId, default));
    }

    [Fact]
    public async Task A_page_that_ends_on_an_override_hands_out_a_token_that_reads_back()
    {
        // Found by the range-query benchmark: the token kept the override's instance id, and reading it refused that shape.
        var user = NewUser();
        var seriesId = EventIds.New();
        foreach (var day in new[] { 1, 2, 3 })
        {
            var original = Noon.AddDays(day);
            await store.CreateAsync(Event(user, original.AddHours(1), TimeSpan.FromHours(1)) with
            {
                EventId = EventIds.Instance(seriesId, original, allDay: false),
                RecurringEventId = seriesId,
                OriginalStartTime = original,
            }, default);
        }

        var found = new List<string>();
        string? token = null;
        do
        {
            var page = await store.QueryPageAsync(user, new TimeRange(Noon, Noon.AddDays(5)), 1, token, default);
            found.AddRange(page.Events.Select(e => e.EventId));
            token = page.NextPageToken;
        }
        while (token is not null);
        Assert.Equal(3, found.Distinct().Count());
    }

    [Fact]
    public async Task A_single_event_that_becomes_a_series_leaves_the_start_index()
    {
        var user = NewUser();
        var single = Event(user, Noon, TimeSpan.FromHours(1));
        await store.CreateAsync(single, default);
        var series = single with { Version = 2, Recurrence = ["RRULE:FREQ=DAILY"], OverrideIds = [] };
        Assert.Equal(StoreWriteOutcome.Written, await store.ReplaceAsync(series, 1, default));

        Assert.Empty((await store.QueryPageAsync(user, new TimeRange(Noon.AddDays(-1), Noon.AddDays(1)), EventPaging.MaxResultsCeiling, null, default)).Events);
        Assert.Single(await store.QuerySeriesAsync(user, new TimeRange(Noon.AddDays(3), Noon.AddDays(4)), default));
    }

    [Fact]
    public async Task An_events_table_from_before_the_series_index_gets_it_added()
    {
        var name = "test-old-events-" + Guid.NewGuid().ToString("N")[..8];
        var old = TableProvisioner.ToCreateRequest(CalendarTables.Events, name);
        old.GlobalSecondaryIndexes = null;
        // No global index at all: neither the series index nor the later reminder due index, and none of their key attributes.
        old.AttributeDefinitions.RemoveAll(a => a.AttributeName is EventItem.SeriesOwner or EventItem.SpanEnd or EventItem.RemindShard or EventItem.RemindAt);
        await dynamoDb.Client.CreateTableAsync(old);

        await new TableProvisioner(dynamoDb.Client).EnsureAsync(CalendarTables.Events, name, default);

        var described = await dynamoDb.Client.DescribeTableAsync(new DescribeTableRequest { TableName = name });
        Assert.Contains(described.Table.GlobalSecondaryIndexes, i => i.IndexName == EventItem.BySeriesSpanIndex);
        var user = NewUser();
        var oldStore = new DynamoDbEventStore(dynamoDb.Client, name, new ReminderPlanner(new DynamoDbReminderSettingsStore(dynamoDb.Client, dynamoDb.Tables.Reminders), TimeProvider.System));
        await oldStore.CreateAsync(Series(user, Noon, lastEnd: null), default);
        Assert.Single(await oldStore.QuerySeriesAsync(user, new TimeRange(Noon, Noon.AddDays(1)), default));
    }
}
