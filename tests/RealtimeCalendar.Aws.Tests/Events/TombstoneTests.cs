using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Aws.Tests.Fixtures;
using RealtimeCalendar.Core.Events;
using static RealtimeCalendar.Aws.Tests.Events.SampleEvents;

namespace RealtimeCalendar.Aws.Tests.Events;

/// <summary>A delete leaves a tombstone, so versions only ever grow for an id, and no read but the version lookup sees it.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class TombstoneTests(DynamoDbLocalFixture dynamoDb)
{
    private readonly DynamoDbEventStore store = dynamoDb.CreateEventStore();

    [Fact]
    public async Task A_deleted_event_is_invisible_to_reads_queries_counts_and_writes_but_keeps_its_version()
    {
        var user = NewUser();
        var deleted = Event(user, Noon, TimeSpan.FromHours(1)) with { Version = 4 };
        Assert.Equal(StoreWriteOutcome.Written, await store.CreateAsync(deleted, default));
        Assert.Equal(StoreWriteOutcome.Written, await store.DeleteAsync(user, deleted.EventId, 4, default));

        Assert.Null(await store.GetAsync(user, deleted.EventId, default));
        Assert.Empty((await store.QueryPageAsync(user, new TimeRange(Noon.AddDays(-1), Noon.AddDays(1)), EventPaging.MaxResultsCeiling, null, default)).Events);
        Assert.Equal(0, await store.CountAsync(user, default));
        Assert.Equal(4, await store.GetLastVersionAsync(user, deleted.EventId, default));
        // An editor still holding version 4 cannot write over the tombstone, nor delete it again.
        Assert.Equal(StoreWriteOutcome.NotFound, await store.ReplaceAsync(deleted with { Version = 5 }, 4, default));
        Assert.Equal(StoreWriteOutcome.NotFound, await store.DeleteAsync(user, deleted.EventId, 4, default));
        Assert.Equal(StoreWriteOutcome.NotFound, await store.SetGoogleLinkAsync(user, deleted.EventId, 4, new GoogleEventLink("g", "e", Noon), default));
    }

    [Fact]
    public async Task A_re_creation_must_carry_a_version_above_the_deleted_one()
    {
        var user = NewUser();
        var first = Event(user, Noon, TimeSpan.FromHours(1)) with { Version = 3 };
        await store.CreateAsync(first, default);
        await store.DeleteAsync(user, first.EventId, 3, default);

        Assert.Equal(StoreWriteOutcome.VersionConflict, await store.CreateAsync(first with { Version = 1 }, default));
        Assert.Equal(StoreWriteOutcome.VersionConflict, await store.CreateAsync(first with { Version = 3 }, default));
        Assert.Equal(StoreWriteOutcome.Written, await store.CreateAsync(first with { Version = 4, Title = "Back" }, default));

        var back = await store.GetAsync(user, first.EventId, default);
        Assert.Equal(("Back", 4L), (back!.Title, back.Version));
        Assert.Equal(1, await store.CountAsync(user, default));
        Assert.Equal(0, await store.GetLastVersionAsync(user, EventIds.New(), default));
    }

    [Fact]
    public async Task Event_type_round_trips_and_a_zero_length_event_on_the_range_start_is_found()
    {
        var user = NewUser();
        var point = Event(user, Noon, TimeSpan.Zero) with { EventType = EventTypes.OutOfOffice };
        await store.CreateAsync(point, default);

        var found = (await store.QueryPageAsync(user, new TimeRange(Noon, Noon.AddHours(1)), EventPaging.MaxResultsCeiling, null, default)).Events;

        Assert.Equal(point, Assert.Single(found));
        Assert.Empty((await store.QueryPageAsync(user, new TimeRange(Noon.AddHours(-1), Noon), EventPaging.MaxResultsCeiling, null, default)).Events);
    }
}
