using System.Globalization;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google.Tests.Fixtures;

namespace RealtimeCalendar.Google.Tests.Recurrence;

/// <summary>Local changes of series, occurrences and cancellations reaching the stand-in through the push side.</summary>
public sealed class GoogleRecurrencePushTests
{
    // 10:00 Europe/Berlin.
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_local_series_goes_to_google_with_its_recurrence_and_comes_back_as_an_echo()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        await rig.ConnectAsync();

        var created = await rig.CreateSeriesLocallyAsync("Standup", Monday, TimeSpan.FromMinutes(15), "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12");
        Assert.Equal([GooglePushOutcome.Pushed], await rig.PushPendingAsync());

        var onGoogle = rig.Google.Find(created.EventId)!;
        Assert.Equal(["RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12"], onGoogle["recurrence"]!.AsArray().Select(l => (string?)l));
        Assert.Equal("Europe/Berlin", (string?)onGoogle["start"]!["timeZone"]);
        var again = await rig.PullAsync();
        Assert.Equal((1, 0, 0), (again.Echoes, again.Created + again.Updated, again.Skipped));
    }

    [Fact]
    public async Task A_local_cancellation_deletes_the_google_instance_and_leaves_the_series_untouched()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var weekly = rig.Google.CreateSeriesInGoogle("Weekly 1:1", Monday, Monday.AddHours(1), ["RRULE:FREQ=WEEKLY;COUNT=6"]);
        var googleId = (string)weekly["id"]!;
        await rig.ConnectAsync();
        await rig.PushPendingAsync();
        var series = rig.LocalSeries();
        var requestsBefore = rig.Google.Requests.Count;

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.DeleteLocallyAsync($"{series.EventId}_20261214T090000Z", EditScope.This);
        Assert.Equal([GooglePushOutcome.Pushed], await rig.PushPendingAsync());

        // Calendar calls only: each push run also refreshes its access token.
        var sent = rig.Google.Requests.Skip(requestsBefore).Where(r => r.PathAndQuery.StartsWith("/calendar/v3/", StringComparison.Ordinal)).ToList();
        Assert.Equal([("DELETE", 204)], sent.Select(r => (r.Method, r.Status)));
        Assert.EndsWith($"/events/{googleId}_20261214T090000Z", sent[0].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("cancelled", (string?)rig.Google.Find($"{googleId}_20261214T090000Z")!["status"]);
        Assert.Equal((string?)weekly["etag"], (string?)rig.Google.Find(googleId)!["etag"]);
        // The cancelled exception coming back changes nothing here.
        var again = await rig.PullAsync();
        Assert.Equal((0, 0, 0), (again.Created + again.Updated, again.Deleted, again.Skipped));
        Assert.Equal(5, (await rig.ShownAsync(Monday, Monday.AddDays(42))).Count);
    }

    [Fact]
    public async Task Cancelling_a_moved_occurrence_here_cancels_its_google_exception()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var weekly = rig.Google.CreateSeriesInGoogle("Weekly 1:1", Monday, Monday.AddHours(1), ["RRULE:FREQ=WEEKLY;COUNT=6"]);
        var googleId = (string)weekly["id"]!;
        rig.Google.MoveInstanceInGoogle(googleId, Monday.AddDays(7), Monday.AddDays(8), Monday.AddDays(8).AddHours(1));
        await rig.ConnectAsync();
        await rig.PushPendingAsync();
        var moved = Assert.Single(rig.LocalEvents(), e => e.IsInstance);

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.DeleteLocallyAsync(moved.EventId, EditScope.This);
        await rig.PushPendingAsync();

        Assert.Equal("cancelled", (string?)rig.Google.Find($"{googleId}_20261207T090000Z")!["status"]);
        Assert.Equal([Monday, Monday.AddDays(14)], (await rig.ShownAsync(Monday, Monday.AddDays(15))).Select(e => e.Start));
        var again = await rig.PullAsync();
        Assert.Equal(0, again.Created + again.Updated + again.Deleted + again.Skipped);
    }

    [Fact]
    public async Task A_local_edit_of_a_google_exception_patches_the_instance_with_its_etag()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var weekly = rig.Google.CreateSeriesInGoogle("Weekly 1:1", Monday, Monday.AddHours(1), ["RRULE:FREQ=WEEKLY;COUNT=6"]);
        var googleId = (string)weekly["id"]!;
        var exception = rig.Google.MoveInstanceInGoogle(googleId, Monday.AddDays(7), Monday.AddDays(8), Monday.AddDays(8).AddHours(1));
        await rig.ConnectAsync();
        await rig.PushPendingAsync();
        var moved = Assert.Single(rig.LocalEvents(), e => e.IsInstance);

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.EditLocallyAsync(moved.EventId, EditScope.This, d => d with { Location = "Room 4" });
        await rig.PushPendingAsync();

        var patch = rig.Google.Requests.Single(r => r.Method == "PATCH");
        Assert.EndsWith($"/events/{googleId}_20261207T090000Z", patch.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal((string)exception["etag"]!, patch.IfMatch);
        Assert.Equal("Room 4", (string?)rig.Google.Find($"{googleId}_20261207T090000Z")!["location"]);
    }

    [Fact]
    public async Task A_local_edit_of_all_events_patches_the_google_series_and_its_exceptions()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var weekly = rig.Google.CreateSeriesInGoogle("Weekly 1:1", Monday, Monday.AddHours(1), ["RRULE:FREQ=WEEKLY;COUNT=6"]);
        var googleId = (string)weekly["id"]!;
        rig.Google.MoveInstanceInGoogle(googleId, Monday.AddDays(7), Monday.AddDays(8), Monday.AddDays(8).AddHours(1));
        await rig.ConnectAsync();
        await rig.PushPendingAsync();

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.EditLocallyAsync(rig.LocalSeries().EventId, EditScope.All, d => d with { Title = "Weekly sync" });
        await rig.PushPendingAsync();

        var series = rig.Google.Find(googleId)!;
        Assert.Equal("Weekly sync", (string?)series["summary"]);
        Assert.Equal(["RRULE:FREQ=WEEKLY;COUNT=6"], series["recurrence"]!.AsArray().Select(l => (string?)l));
        // The moved occurrence had kept the series' title, so it follows the new one, on Google too.
        Assert.Equal("Weekly sync", (string?)rig.Google.Find($"{googleId}_20261207T090000Z")!["summary"]);
        var again = await rig.PullAsync();
        Assert.Equal(0, again.Created + again.Updated + again.Deleted + again.Skipped);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_split_this_and_following_is_two_series_on_google_and_the_moved_override_follows_the_new_one(bool lastFirst)
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        await rig.ConnectAsync();
        var old = await rig.CreateSeriesLocallyAsync("Weekly 1:1", Monday, TimeSpan.FromHours(1), "RRULE:FREQ=WEEKLY;COUNT=6");
        await rig.PushPendingAsync();
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.EditLocallyAsync($"{old.EventId}_20261228T090000Z", EditScope.This, d => d with { Title = "1:1 before the holidays" });
        await rig.PushPendingAsync();
        Assert.Equal("1:1 before the holidays", (string?)rig.Google.Find($"{old.EventId}_20261228T090000Z")!["summary"]);

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        var created = await rig.EditLocallyAsync($"{old.EventId}_20261214T090000Z", EditScope.Following, d => d with { Location = "Room 4" });
        var outcomes = await rig.PushPendingAsync(lastFirst);

        Assert.DoesNotContain(GooglePushOutcome.ResolvedByPull, outcomes);
        // Fed backwards, the moved override comes before its new series exists on Google, and waits for it.
        Assert.Equal(lastFirst, outcomes.Contains(GooglePushOutcome.WaitsForSeries));
        var live = rig.Google.LiveEvents().Where(e => e["recurrence"] is not null).OrderBy(e => (string?)e["start"]!["dateTime"], StringComparer.Ordinal).ToList();
        Assert.Equal([old.EventId, created.EventId], live.Select(e => (string?)e["id"]));
        Assert.Equal(["RRULE:FREQ=WEEKLY;UNTIL=20261214T085959Z"], live[0]["recurrence"]!.AsArray().Select(l => (string?)l));
        Assert.Equal(["RRULE:FREQ=WEEKLY;COUNT=4"], live[1]["recurrence"]!.AsArray().Select(l => (string?)l));
        Assert.Equal(Monday.AddDays(14), DateTimeOffset.Parse((string)live[1]["start"]!["dateTime"]!, CultureInfo.InvariantCulture));
        Assert.Equal("Room 4", (string?)live[1]["location"]);
        // The changed occurrence now belongs to the new series there too; the old series' exception is gone.
        var moved = rig.Google.Find($"{created.EventId}_20261228T090000Z")!;
        Assert.Equal(("1:1 before the holidays", created.EventId), ((string?)moved["summary"], (string?)moved["recurringEventId"]));
        Assert.Equal("cancelled", (string?)rig.Google.Find($"{old.EventId}_20261228T090000Z")!["status"]);
        // Both sides agree: the next pull brings back only our own writes.
        var again = await rig.PullAsync();
        Assert.Equal(0, again.Created + again.Updated + again.Deleted + again.Skipped + again.LocalWins);
        Assert.Equal(6, (await rig.ShownAsync(Monday, Monday.AddDays(42))).Count);
    }

    [Fact]
    public async Task A_local_delete_of_a_series_deletes_it_on_google_with_its_exceptions()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var weekly = rig.Google.CreateSeriesInGoogle("Weekly 1:1", Monday, Monday.AddHours(1), ["RRULE:FREQ=WEEKLY"]);
        var googleId = (string)weekly["id"]!;
        rig.Google.MoveInstanceInGoogle(googleId, Monday.AddDays(7), Monday.AddDays(8), Monday.AddDays(8).AddHours(1));
        await rig.ConnectAsync();
        await rig.PushPendingAsync();

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.DeleteLocallyAsync(rig.LocalSeries().EventId, EditScope.All);
        await rig.PushPendingAsync();

        Assert.Empty(rig.LocalEvents());
        Assert.Empty(rig.Google.LiveEvents());
        var again = await rig.PullAsync();
        Assert.Equal(0, again.Created + again.Updated + again.Skipped);
    }
}
