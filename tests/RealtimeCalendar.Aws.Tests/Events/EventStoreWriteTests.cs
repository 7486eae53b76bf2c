using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Aws.Tests.Fixtures;
using RealtimeCalendar.Core.Events;
using static RealtimeCalendar.Aws.Tests.Events.SampleEvents;

namespace RealtimeCalendar.Aws.Tests.Events;

[Collection(DynamoDbCollection.Name)]
public sealed class EventStoreWriteTests(DynamoDbLocalFixture dynamoDb)
{
    private readonly DynamoDbEventStore store = dynamoDb.CreateEventStore();

    [Fact]
    public async Task Created_event_reads_back_field_for_field()
    {
        var created = Event(NewUser(), Noon, TimeSpan.FromHours(1)) with { Title = "Ünïcode ✓ <b>", Location = null };
        Assert.Equal(StoreWriteOutcome.Written, await store.CreateAsync(created, default));
        Assert.Equal(created, await store.GetAsync(created.UserId, created.EventId, default));
    }

    [Fact]
    public async Task Creating_an_existing_id_is_a_conflict_and_keeps_the_first()
    {
        var first = Event(NewUser(), Noon, TimeSpan.FromHours(1));
        await store.CreateAsync(first, default);
        Assert.Equal(StoreWriteOutcome.VersionConflict, await store.CreateAsync(first with { Title = "Other" }, default));
        Assert.Equal("Lunch", (await store.GetAsync(first.UserId, first.EventId, default))!.Title);
    }

    [Fact]
    public async Task Replace_with_the_current_version_writes_the_next_one()
    {
        var original = Event(NewUser(), Noon, TimeSpan.FromHours(1));
        await store.CreateAsync(original, default);
        var moved = original with { Start = Noon.AddHours(2), End = Noon.AddHours(3), Version = 2 };
        Assert.Equal(StoreWriteOutcome.Written, await store.ReplaceAsync(moved, expectedVersion: 1, default));
        Assert.Equal(moved, await store.GetAsync(original.UserId, original.EventId, default));
    }

    [Fact]
    public async Task Replace_with_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var original = Event(NewUser(), Noon, TimeSpan.FromHours(1));
        await store.CreateAsync(original, default);
        await store.ReplaceAsync(original with { Title = "v2", Version = 2 }, 1, default);

        Assert.Equal(StoreWriteOutcome.VersionConflict, await store.ReplaceAsync(original with { Title = "late", Version = 2 }, 1, default));
        var stored = await store.GetAsync(original.UserId, original.EventId, default);
        Assert.Equal(("v2", 2L), (stored!.Title, stored.Version));
    }

    [Fact]
    public async Task Replace_of_an_unknown_event_is_not_found_and_creates_nothing()
    {
        var ghost = Event(NewUser(), Noon, TimeSpan.FromHours(1));
        Assert.Equal(StoreWriteOutcome.NotFound, await store.ReplaceAsync(ghost with { Version = 2 }, 1, default));
        Assert.Null(await store.GetAsync(ghost.UserId, ghost.EventId, default));
    }

    [Fact]
    public async Task Delete_needs_the_current_version()
    {
        var original = Event(NewUser(), Noon, TimeSpan.FromHours(1));
        await store.CreateAsync(original, default);

        Assert.Equal(StoreWriteOutcome.VersionConflict, await store.DeleteAsync(original.UserId, original.EventId, 7, default));
        Assert.NotNull(await store.GetAsync(original.UserId, original.EventId, default));
        Assert.Equal(StoreWriteOutcome.Written, await store.DeleteAsync(original.UserId, original.EventId, 1, default));
        Assert.Null(await store.GetAsync(original.UserId, original.EventId, default));
        Assert.Equal(StoreWriteOutcome.NotFound, await store.DeleteAsync(original.UserId, original.EventId, 1, default));
    }

    [Fact]
    public async Task One_users_event_is_invisible_to_another_user()
    {
        var mine = Event(NewUser(), Noon, TimeSpan.FromHours(1));
        await store.CreateAsync(mine, default);
        var other = NewUser();

        Assert.Null(await store.GetAsync(other, mine.EventId, default));
        Assert.Equal(StoreWriteOutcome.NotFound, await store.DeleteAsync(other, mine.EventId, 1, default));
        Assert.Equal(StoreWriteOutcome.NotFound, await store.ReplaceAsync(mine with { UserId = other, Version = 2 }, 1, default));
        Assert.Equal(0, await store.CountAsync(other, default));
    }

    [Fact]
    public async Task Count_covers_every_event_of_the_user()
    {
        var user = NewUser();
        for (var i = 0; i < 5; i++)
            await store.CreateAsync(Event(user, Noon.AddDays(i * 40), TimeSpan.FromHours(1)), default);
        Assert.Equal(5, await store.CountAsync(user, default));
    }
}
