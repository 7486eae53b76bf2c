using RealtimeCalendar.Aws.Reminders;
using RealtimeCalendar.Aws.Tests.Fixtures;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Aws.Tests.Reminders;

/// <summary>Fired reminders' records: claimed once, dismissed for good, snoozed onto the retry index, every move conditional.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ReminderStoreTests(DynamoDbLocalFixture dynamoDb)
{
    private static readonly DateTimeOffset Due = new(2031, 6, 1, 9, 50, 0, TimeSpan.Zero);
    private readonly DynamoDbReminderStore store = new(dynamoDb.Client, dynamoDb.Tables.Reminders);
    private readonly DynamoDbReminderSettingsStore settings = new(dynamoDb.Client, dynamoDb.Tables.Reminders);

    [Fact]
    public async Task A_reminder_is_claimed_once_and_the_second_claim_sees_the_first()
    {
        var record = Record(NewUser());

        Assert.Null(await store.ClaimAsync(record, default));
        var existing = await store.ClaimAsync(record with { RetryAt = Due.AddMinutes(5) }, default);

        Assert.Equal(record, existing);
    }

    [Fact]
    public async Task A_dismissed_reminder_cannot_be_snoozed_and_an_unknown_one_is_not_found()
    {
        var record = Record(NewUser());
        await store.ClaimAsync(record, default);

        Assert.True(await store.DismissAsync(record.UserId, record.Notice.ReminderId, default));
        Assert.Equal(SnoozeOutcome.Dismissed, await store.SnoozeAsync(record.UserId, record.Notice.ReminderId, Due.AddMinutes(5), default));
        Assert.Equal(ReminderState.Dismissed, (await store.GetAsync(record.UserId, record.Notice.ReminderId, default))!.State);
        Assert.False(await store.DismissAsync(record.UserId, "0192aaaabbbbccccddddeeeeffff0000.20310601T100000Z.10", default));
        Assert.Equal(SnoozeOutcome.NotFound, await store.SnoozeAsync(record.UserId, "0192aaaabbbbccccddddeeeeffff0000.20310601T100000Z.10", Due, default));
    }

    [Fact]
    public async Task A_snoozed_reminder_is_on_the_retry_index_at_its_end_and_not_before()
    {
        var record = Record(NewUser()) with { State = ReminderState.Shown, RetryAt = null };
        await store.ClaimAsync(record, default);
        var until = Due.AddMinutes(6);

        Assert.Equal(SnoozeOutcome.Snoozed, await store.SnoozeAsync(record.UserId, record.Notice.ReminderId, until, default));

        Assert.DoesNotContain(await RetryDueAsync(record.UserId, until.AddMinutes(-1)), r => r.Notice.ReminderId == record.Notice.ReminderId);
        var snoozed = Assert.Single(await RetryDueAsync(record.UserId, until));
        Assert.Equal((ReminderState.Snoozed, until, until), (snoozed.State, snoozed.FireAt, snoozed.RetryAt));
    }

    [Fact]
    public async Task A_move_applies_only_from_the_state_and_fire_time_it_names()
    {
        var record = Record(NewUser());
        var id = record.Notice.ReminderId;
        await store.ClaimAsync(record, default);

        Assert.False(await store.MoveAsync(record.UserId, id, ReminderState.Waiting, Due, ReminderState.Shown, null, default));
        Assert.False(await store.MoveAsync(record.UserId, id, ReminderState.Sending, Due.AddMinutes(1), ReminderState.Shown, null, default));
        Assert.True(await store.MoveAsync(record.UserId, id, ReminderState.Sending, Due, ReminderState.Shown, null, default));
        Assert.Empty(await RetryDueAsync(record.UserId, Due.AddDays(1)));

        await store.ReleaseAsync(record.UserId, id, ReminderState.Sending, default);
        Assert.Equal(ReminderState.Shown, (await store.GetAsync(record.UserId, id, default))!.State);
    }

    [Fact]
    public async Task Waiting_reminders_are_listed_only_while_recent_and_a_released_claim_is_gone()
    {
        var user = NewUser();
        var old = Record(user, Due.AddMinutes(-30)) with { State = ReminderState.Waiting, RetryAt = null };
        var recent = Record(user, Due) with { State = ReminderState.Waiting, RetryAt = null };
        var shown = Record(user, Due.AddMinutes(1)) with { State = ReminderState.Shown, RetryAt = null };
        var claimed = Record(user, Due.AddMinutes(2));
        foreach (var r in new[] { old, recent, shown, claimed })
            await store.ClaimAsync(r, default);

        var waiting = await store.ListWaitingAsync(user, Due.AddMinutes(-15), default);
        Assert.Equal([recent.Notice.ReminderId], waiting.Select(r => r.Notice.ReminderId));

        await store.ReleaseAsync(user, claimed.Notice.ReminderId, ReminderState.Sending, default);
        Assert.Null(await store.GetAsync(user, claimed.Notice.ReminderId, default));
    }

    [Fact]
    public async Task Settings_default_to_ten_minutes_and_round_trip_including_none()
    {
        var user = NewUser();
        Assert.Equal([10], (await settings.GetAsync(user, default)).Minutes);

        await settings.PutAsync(user, new ReminderSettings([ReminderOverride.Popup(1440), ReminderOverride.Popup(0)]), default);
        Assert.Equal([1440, 0], (await settings.GetAsync(user, default)).Minutes);

        await settings.PutAsync(user, new ReminderSettings([]), default);
        Assert.Empty((await settings.GetAsync(user, default)).Minutes);
    }

    private async Task<List<ReminderRecord>> RetryDueAsync(string user, DateTimeOffset upTo) =>
        (await store.QueryRetryDueAsync(ReminderShards.Of(user), upTo, 10_000, default)).Entries.Where(r => r.UserId == user).ToList();

    private static ReminderRecord Record(string user, DateTimeOffset? due = null)
    {
        var dueAt = due ?? Due;
        var eventId = EventIds.New();
        var start = dueAt.AddMinutes(10);
        var notice = new ReminderNotice(ReminderIds.For(eventId, start, 10), eventId, start, "Dentist", start, 10);
        return new ReminderRecord(user, notice, dueAt, dueAt, ReminderState.Sending, dueAt.AddMinutes(1));
    }

    private static string NewUser() => "user-" + Guid.NewGuid().ToString("N");
}
