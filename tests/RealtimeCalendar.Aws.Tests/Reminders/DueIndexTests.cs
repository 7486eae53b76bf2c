using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Aws.Reminders;
using RealtimeCalendar.Aws.Tests.Fixtures;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Aws.Tests.Reminders;

/// <summary>The due index follows every write of the Events store: a create puts the event in it, an edit moves it, a delete takes it out.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class DueIndexTests(DynamoDbLocalFixture dynamoDb)
{
    private static readonly DateTimeOffset Now = new(2031, 5, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Now);
    private readonly DynamoDbReminderIndex index = new(dynamoDb.Client, dynamoDb.Tables.Events);

    private DynamoDbEventStore Store => dynamoDb.CreateEventStore(time);

    [Fact]
    public async Task An_event_is_due_at_its_reminder_minute_not_before_and_an_edit_moves_it_and_a_delete_cancels_it()
    {
        var user = NewUser();
        var e = Event(user, Now.AddHours(2)) with { Reminders = EventReminders.Own([10]) };
        await Store.CreateAsync(e, default);

        Assert.Empty(await DueAsync(user, Now.AddHours(2).AddMinutes(-11)));
        var entry = Assert.Single(await DueAsync(user, Now.AddHours(2).AddMinutes(-10)));
        Assert.Equal((e.EventId, Now.AddHours(2).AddMinutes(-10)), (entry.Event.EventId, entry.Due.DueAt));
        Assert.Equal([10], entry.Due.Minutes);
        Assert.Equal([10], entry.Event.Reminders!.Minutes);

        var moved = e with { Start = Now.AddHours(3), End = Now.AddHours(4), Version = 2 };
        Assert.Equal(StoreWriteOutcome.Written, await Store.ReplaceAsync(moved, 1, default));
        Assert.Empty(await DueAsync(user, Now.AddHours(2)));
        Assert.Equal(Now.AddHours(3).AddMinutes(-10), Assert.Single(await DueAsync(user, Now.AddHours(3))).Due.DueAt);

        Assert.Equal(StoreWriteOutcome.Written, await Store.DeleteAsync(user, e.EventId, 2, default));
        Assert.Empty(await DueAsync(user, Now.AddDays(1)));
    }

    [Fact]
    public async Task An_event_on_the_defaults_takes_the_owners_saved_defaults_and_no_reminders_means_not_in_the_index()
    {
        var user = NewUser();
        await new DynamoDbReminderSettingsStore(dynamoDb.Client, dynamoDb.Tables.Reminders)
            .PutAsync(user, new ReminderSettings([ReminderOverride.Popup(30), ReminderOverride.Popup(5)]), default);
        var onDefaults = Event(user, Now.AddHours(1));
        var none = Event(user, Now.AddHours(1)) with { Reminders = EventReminders.Own([]) };
        await Store.CreateAsync(onDefaults, default);
        await Store.CreateAsync(none, default);

        var entry = Assert.Single(await DueAsync(user, Now.AddHours(1)));
        Assert.Equal((onDefaults.EventId, Now.AddMinutes(30)), (entry.Event.EventId, entry.Due.DueAt));
        Assert.Equal([30, 5], entry.Due.Minutes);
        Assert.Null(entry.Event.Reminders);
    }

    [Fact]
    public async Task A_user_without_saved_defaults_gets_ten_minutes_before()
    {
        var user = NewUser();
        await Store.CreateAsync(Event(user, Now.AddHours(1)), default);

        Assert.Equal(Now.AddMinutes(50), Assert.Single(await DueAsync(user, Now.AddHours(1))).Due.DueAt);
    }

    [Fact]
    public async Task A_reminder_already_past_at_the_write_is_not_given()
    {
        var user = NewUser();
        await Store.CreateAsync(Event(user, Now.AddMinutes(5)) with { Reminders = EventReminders.Own([10, 2]) }, default);

        Assert.Equal(Now.AddMinutes(3), Assert.Single(await DueAsync(user, Now.AddHours(1))).Due.DueAt);
    }

    [Fact]
    public async Task A_series_is_due_at_its_first_occurrence_and_moves_only_while_unchanged()
    {
        var user = NewUser();
        var series = Event(user, Now.AddDays(1)) with { Recurrence = ["RRULE:FREQ=DAILY;COUNT=5"], OverrideIds = [], Reminders = EventReminders.Own([60]) };
        await Store.CreateAsync(series, default);
        var entry = Assert.Single(await DueAsync(user, Now.AddDays(1)));
        Assert.Equal(Now.AddDays(1).AddHours(-1), entry.Due.DueAt);

        var next = new ReminderDue(Now.AddDays(2).AddHours(-1), [60]);
        Assert.False(await index.MoveAsync(user, series.EventId, version: 2, entry.Due.DueAt, next, default));
        Assert.False(await index.MoveAsync(user, series.EventId, version: 1, entry.Due.DueAt.AddMinutes(1), next, default));
        Assert.True(await index.MoveAsync(user, series.EventId, version: 1, entry.Due.DueAt, next, default));

        Assert.Empty(await DueAsync(user, Now.AddDays(1)));
        Assert.Equal(next.DueAt, Assert.Single(await DueAsync(user, Now.AddDays(2))).Due.DueAt);
        var stored = (await Store.GetAsync(user, series.EventId, default))!;
        Assert.Equal(1, stored.Version);

        Assert.True(await index.MoveAsync(user, series.EventId, version: 1, next.DueAt, next: null, default));
        Assert.Empty(await DueAsync(user, Now.AddDays(30)));
        Assert.False(await index.MoveAsync(user, EventIds.New(), version: 1, expectedDue: null, next, default));
    }

    private async Task<List<ReminderIndexEntry>> DueAsync(string user, DateTimeOffset upTo)
    {
        var read = await index.QueryDueAsync(ReminderShards.Of(user), upTo, limit: 10_000, default);
        Assert.True(read.Queries >= 1);
        return read.Entries.Where(e => e.Event.UserId == user).ToList();
    }

    private static string NewUser() => "user-" + Guid.NewGuid().ToString("N");

    private static CalendarEvent Event(string user, DateTimeOffset start) =>
        new(user, EventIds.New(), "Dentist", start, start.AddHours(1), false, "Europe/Berlin", null, null, 1, Now, "api");
}
