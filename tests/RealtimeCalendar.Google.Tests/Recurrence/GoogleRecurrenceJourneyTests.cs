using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google.Tests.Fixtures;

namespace RealtimeCalendar.Google.Tests.Recurrence;

/// <summary>The journey: a Google series with a moved and a cancelled occurrence, both ways through the real client.</summary>
public sealed class GoogleRecurrenceJourneyTests
{
    // 10:00 Europe/Berlin (UTC+1 in winter).
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Google_journey_weekly_series_with_one_moved_and_one_cancelled_occurrence_arrives_as_one_series_one_override_one_exception_and_a_local_edit_of_one_occurrence_reaches_the_stand_in_as_an_instance_change()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var weekly = rig.Google.CreateSeriesInGoogle("Weekly 1:1", Monday, Monday.AddHours(1), ["RRULE:FREQ=WEEKLY;COUNT=10"]);
        var googleId = (string)weekly["id"]!;
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        rig.Google.MoveInstanceInGoogle(googleId, Monday.AddDays(7), Monday.AddDays(8).AddHours(1), Monday.AddDays(8).AddHours(2));
        rig.Google.CancelInstanceInGoogle(googleId, Monday.AddDays(14));
        // The series changes last, so the listing (two per page) brings both exceptions a page before their series.
        rig.Google.UpdateInGoogle(googleId, "Weekly 1:1 with Sam");

        var result = await rig.ConnectAsync();

        Assert.Equal((2, 1, 0), (result.Created, result.Deleted, result.Skipped));
        Assert.Equal(2, rig.LocalEvents().Count);
        var series = rig.LocalSeries();
        var moved = Assert.Single(rig.LocalEvents(), e => e.IsInstance);
        Assert.Equal("Weekly 1:1 with Sam", series.Title);
        Assert.Equal(googleId, series.GoogleLink!.EventId);
        Assert.Equal(["RRULE:FREQ=WEEKLY;COUNT=10", "EXDATE;TZID=Europe/Berlin:20261214T100000"], series.Recurrence);
        Assert.Equal([moved.EventId], series.OverrideIds);
        Assert.Equal(series.EventId, moved.RecurringEventId);
        Assert.Equal(Monday.AddDays(7), moved.OriginalStartTime);
        Assert.Equal(Monday.AddDays(8).AddHours(1), moved.Start);
        Assert.Equal($"{googleId}_20261207T090000Z", moved.GoogleLink!.EventId);
        // What a tab shows: the first week as the rule has it, the moved one on Tuesday, the cancelled one not at all.
        var shown = await rig.ShownAsync(Monday, Monday.AddDays(22));
        Assert.Equal([Monday, Monday.AddDays(8).AddHours(1), Monday.AddDays(21)], shown.Select(e => e.Start));

        // Nothing the pull wrote goes back to Google.
        var requestsBefore = rig.Google.Requests.Count;
        Assert.All(await rig.PushPendingAsync(), o => Assert.Equal(GooglePushOutcome.NotNeeded, o));
        Assert.Equal(requestsBefore, rig.Google.Requests.Count);

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.EditLocallyAsync($"{series.EventId}_20261221T090000Z", EditScope.This, d => d with
        {
            Title = "Weekly 1:1 (remote)",
            Start = d.Start!.Value.AddMinutes(30),
            End = d.End!.Value.AddMinutes(30),
        });
        var outcomes = await rig.PushPendingAsync();

        var instanceId = $"{googleId}_20261221T090000Z";
        Assert.Contains(GooglePushOutcome.Pushed, outcomes);
        Assert.Single(rig.Google.Requests.Skip(requestsBefore), r => r.Method == "PATCH" && r.PathAndQuery.EndsWith($"/events/{instanceId}", StringComparison.Ordinal));
        Assert.DoesNotContain(rig.Google.Requests.Skip(requestsBefore), r => r.PathAndQuery.EndsWith($"/events/{googleId}", StringComparison.Ordinal));
        var exception = rig.Google.Find(instanceId)!;
        Assert.Equal("Weekly 1:1 (remote)", (string?)exception["summary"]);
        Assert.Equal(googleId, (string?)exception["recurringEventId"]);
        Assert.Equal("2026-12-21T09:00:00Z", (string?)exception["originalStartTime"]!["dateTime"]);
        Assert.Equal(Monday.AddDays(21).AddMinutes(30), DateTimeOffset.Parse((string)exception["start"]!["dateTime"]!, System.Globalization.CultureInfo.InvariantCulture));

        // Converged: the next pull sees only our own write coming back.
        var again = await rig.PullAsync();
        Assert.Equal((0, 0, 0, 0), (again.Created, again.Updated, again.Deleted, again.Skipped));
        Assert.Equal(3, rig.LocalEvents().Count);
    }
}
