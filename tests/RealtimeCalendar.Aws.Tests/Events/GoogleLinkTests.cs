using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Aws.Tests.Fixtures;
using RealtimeCalendar.Core.Events;
using static RealtimeCalendar.Aws.Tests.Events.SampleEvents;

namespace RealtimeCalendar.Aws.Tests.Events;

/// <summary>The optional Google link attributes of an Events item.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class GoogleLinkTests(DynamoDbLocalFixture dynamoDb)
{
    private static readonly GoogleEventLink Link = new("abcdefghijklmnopqrstuv0123", "\"3181161784712000\"", Noon.AddMinutes(5));

    private readonly DynamoDbEventStore store = dynamoDb.CreateEventStore();

    [Fact]
    public async Task Linked_event_reads_back_with_its_link()
    {
        var linked = Event(NewUser(), Noon, TimeSpan.FromHours(1)) with { GoogleLink = Link };
        await store.CreateAsync(linked, default);

        Assert.Equal(linked, await store.GetAsync(linked.UserId, linked.EventId, default));
    }

    [Fact]
    public async Task Replacement_without_a_link_keeps_the_stored_link_and_drops_cleared_fields()
    {
        var linked = Event(NewUser(), Noon, TimeSpan.FromHours(1)) with { GoogleLink = Link };
        await store.CreateAsync(linked, default);
        var edited = linked with { Title = "Edited", Description = null, Location = null, Version = 2, GoogleLink = null };

        Assert.Equal(StoreWriteOutcome.Written, await store.ReplaceAsync(edited, expectedVersion: 1, default));

        Assert.Equal(edited with { GoogleLink = Link }, await store.GetAsync(linked.UserId, linked.EventId, default));
    }

    [Fact]
    public async Task Recording_a_link_keeps_the_version_and_needs_the_current_one()
    {
        var original = Event(NewUser(), Noon, TimeSpan.FromHours(1));
        await store.CreateAsync(original, default);

        Assert.Equal(StoreWriteOutcome.VersionConflict, await store.SetGoogleLinkAsync(original.UserId, original.EventId, 7, Link, default));
        Assert.Equal(StoreWriteOutcome.Written, await store.SetGoogleLinkAsync(original.UserId, original.EventId, 1, Link, default));
        Assert.Equal(StoreWriteOutcome.NotFound, await store.SetGoogleLinkAsync(original.UserId, EventIds.New(), 1, Link, default));

        Assert.Equal(original with { GoogleLink = Link }, await store.GetAsync(original.UserId, original.EventId, default));
    }

    [Fact]
    public async Task Googles_email_reminders_ride_with_the_link_and_a_version_without_them_clears_them()
    {
        var withEmails = Link with { EmailReminderMinutes = [1440, 30] };
        var linked = Event(NewUser(), Noon, TimeSpan.FromHours(1)) with { GoogleLink = withEmails };
        await store.CreateAsync(linked, default);
        Assert.Equal([1440, 30], (await store.GetAsync(linked.UserId, linked.EventId, default))!.GoogleLink!.EmailReminderMinutes);

        // A new Google version without e-mails, recorded as a link: they are gone.
        Assert.Equal(StoreWriteOutcome.Written, await store.SetGoogleLinkAsync(linked.UserId, linked.EventId, 1, Link with { Etag = "\"2\"" }, default));
        Assert.Null((await store.GetAsync(linked.UserId, linked.EventId, default))!.GoogleLink!.EmailReminderMinutes);

        // And back, then replaced by a pulled version that carries a link without them.
        await store.SetGoogleLinkAsync(linked.UserId, linked.EventId, 1, withEmails, default);
        var pulled = linked with { Title = "Pulled", Version = 2, GoogleLink = Link with { Etag = "\"3\"" } };
        Assert.Equal(StoreWriteOutcome.Written, await store.ReplaceAsync(pulled, expectedVersion: 1, default));
        Assert.Equal(pulled, await store.GetAsync(linked.UserId, linked.EventId, default));
        Assert.Null((await store.GetAsync(linked.UserId, linked.EventId, default))!.GoogleLink!.EmailReminderMinutes);
    }
}
