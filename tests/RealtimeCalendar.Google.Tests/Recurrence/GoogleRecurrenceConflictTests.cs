using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google.Tests.Fixtures;

namespace RealtimeCalendar.Google.Tests.Recurrence;

/// <summary>The README's conflict rule (the later <c>updated</c> wins, the loser is logged) for one occurrence of a series.</summary>
public sealed class GoogleRecurrenceConflictTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_later_local_edit_of_an_occurrence_wins_over_an_earlier_google_edit_of_it()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var googleId = await StartWithWeeklyAsync(rig);
        rig.Google.MoveInstanceInGoogle(googleId, Monday.AddDays(7), Monday.AddDays(8), Monday.AddDays(8).AddHours(1));
        await rig.PullAsync();
        await rig.PushPendingAsync();
        var moved = Assert.Single(rig.LocalEvents(), e => e.IsInstance);

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        rig.Google.EditInstanceInGoogle(googleId, Monday.AddDays(7), i => i["summary"] = "1:1 (google)");
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.EditLocallyAsync(moved.EventId, EditScope.This, d => d with { Title = "1:1 (local)" });
        // The pull runs before the local edit's push: the rule, not the order of arrival, decides.
        var result = await rig.PullAsync();
        await rig.PushPendingAsync();

        Assert.Equal(1, result.LocalWins);
        Assert.Equal("1:1 (local)", Assert.Single(rig.LocalEvents(), e => e.IsInstance).Title);
        Assert.Equal("1:1 (local)", (string?)rig.Google.Find($"{googleId}_20261207T090000Z")!["summary"]);
        Assert.Contains(rig.SyncLog.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("1:1 (google)", StringComparison.Ordinal));
        var again = await rig.PullAsync();
        Assert.Equal(0, again.Created + again.Updated + again.Deleted + again.LocalWins);
    }

    [Fact]
    public async Task A_google_edit_after_a_local_cancellation_brings_the_occurrence_back()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var googleId = await StartWithWeeklyAsync(rig);
        var series = rig.LocalSeries();

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.DeleteLocallyAsync($"{series.EventId}_20261214T090000Z", EditScope.This);
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        rig.Google.EditInstanceInGoogle(googleId, Monday.AddDays(14), i => i["summary"] = "1:1 (keep it)");
        var result = await rig.PullAsync();
        // The cancellation's push comes late: the series changed since, so it is superseded and Google keeps its edit.
        var outcomes = await rig.PushPendingAsync();

        Assert.Equal(1, result.Created);
        Assert.Contains(GooglePushOutcome.Superseded, outcomes);
        var back = Assert.Single(rig.LocalEvents(), e => e.IsInstance);
        Assert.Equal(("1:1 (keep it)", Monday.AddDays(14)), (back.Title, back.OriginalStartTime));
        Assert.DoesNotContain(rig.LocalSeries().Recurrence!, l => l.StartsWith("EXDATE", StringComparison.Ordinal));
        Assert.Equal("confirmed", (string?)rig.Google.Find($"{googleId}_20261214T090000Z")!["status"]);
        Assert.Contains(Monday.AddDays(14), (await rig.ShownAsync(Monday, Monday.AddDays(21))).Select(e => e.Start));
    }

    [Fact]
    public async Task A_local_cancellation_after_a_google_edit_stands_and_cancels_it_on_google()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var googleId = await StartWithWeeklyAsync(rig);
        var series = rig.LocalSeries();

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        rig.Google.EditInstanceInGoogle(googleId, Monday.AddDays(14), i => i["summary"] = "1:1 (google)");
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.DeleteLocallyAsync($"{series.EventId}_20261214T090000Z", EditScope.This);
        var result = await rig.PullAsync();
        await rig.PushPendingAsync();

        Assert.Equal(1, result.LocalWins);
        Assert.DoesNotContain(rig.LocalEvents(), e => e.IsInstance);
        Assert.Equal("cancelled", (string?)rig.Google.Find($"{googleId}_20261214T090000Z")!["status"]);
        Assert.DoesNotContain(Monday.AddDays(14), (await rig.ShownAsync(Monday, Monday.AddDays(21))).Select(e => e.Start));
        Assert.Contains(rig.SyncLog.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("1:1 (google)", StringComparison.Ordinal));
    }

    private static async Task<string> StartWithWeeklyAsync(GoogleSyncRig rig)
    {
        var weekly = rig.Google.CreateSeriesInGoogle("Weekly 1:1", Monday, Monday.AddHours(1), ["RRULE:FREQ=WEEKLY;COUNT=6"]);
        await rig.ConnectAsync();
        await rig.PushPendingAsync();
        return (string)weekly["id"]!;
    }
}
