using System.Text.Json.Nodes;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google.Tests.Fixtures;

namespace RealtimeCalendar.Google.Tests.RealServices;

/// <summary>Edits that Google merges field by field, and ids that come back after a delete (issue 15).</summary>
public sealed class GooglePatchAndVersionTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Switching_a_synced_event_between_timed_and_all_day_reaches_google_both_ways()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var google = rig.Google.CreateInGoogle("Offsite", Monday, Monday.AddHours(2));
        await rig.ConnectAsync();
        await rig.PushPendingAsync();
        var local = rig.LocalEvents().Single();
        rig.Time.Advance(TimeSpan.FromMinutes(1));

        var allDay = await ReplaceAsync(rig, local, local with { AllDay = true, Start = Day, End = Day.AddDays(1), Description = "bring laptops" });
        Assert.Contains(GooglePushOutcome.Pushed, await rig.PushPendingAsync());
        var onGoogle = rig.Google.Find((string)google["id"]!)!;
        Assert.Equal("""{"date":"2026-12-01"}""", onGoogle["start"]!.ToJsonString());
        Assert.Equal("""{"date":"2026-12-02"}""", onGoogle["end"]!.ToJsonString());
        Assert.Equal("bring laptops", (string?)onGoogle["description"]);

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await ReplaceAsync(rig, allDay, allDay with { AllDay = false, Start = Monday, End = Monday.AddHours(1), Description = null });
        Assert.Contains(GooglePushOutcome.Pushed, await rig.PushPendingAsync());
        onGoogle = rig.Google.Find((string)google["id"]!)!;
        Assert.Null(onGoogle["start"]!["date"]);
        Assert.Equal("Europe/Berlin", (string?)onGoogle["start"]!["timeZone"]);
        // The cleared description is cleared on Google too, not merged away.
        Assert.False(onGoogle.ContainsKey("description"));
        Assert.DoesNotContain(rig.Google.Requests, r => r.Status >= 400);
    }

    [Fact]
    public async Task An_event_deleted_here_and_restored_in_google_comes_back_above_the_deleted_version()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var google = rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        await rig.ConnectAsync();
        var local = rig.LocalEvents().Single();
        local = await ReplaceAsync(rig, local, local with { Title = "Standup (moved)" });
        local = await ReplaceAsync(rig, local, local with { Title = "Standup" });
        await rig.PushPendingAsync();

        Assert.IsType<CalendarOutcome.Deleted>(await rig.Calendar.DeleteAsync(GoogleSyncRig.UserId, local.EventId, local.Version, CancellationToken.None));
        await rig.PushPendingAsync();
        Assert.Equal("cancelled", (string?)rig.Google.Find((string)google["id"]!)!["status"]);
        rig.Time.Advance(TimeSpan.FromMinutes(5));
        rig.Google.RestoreInGoogle((string)google["id"]!);
        var result = await rig.PullAsync();

        Assert.Equal(1, result.Created);
        var restored = rig.LocalEvents().Single();
        Assert.Equal(local.EventId, restored.EventId);
        Assert.True(restored.Version > local.Version, $"restored at version {restored.Version}, deleted at {local.Version}");
        Assert.Equal(local.Version, await rig.Events.GetLastVersionAsync(GoogleSyncRig.UserId, local.EventId, CancellationToken.None) - 1);
    }

    private static async Task<CalendarEvent> ReplaceAsync(GoogleSyncRig rig, CalendarEvent current, CalendarEvent wanted)
    {
        var draft = new EventDraft(wanted.Title, wanted.Start, wanted.End, wanted.AllDay, wanted.TimeZone, wanted.Description, wanted.Location);
        var outcome = await rig.Calendar.ReplaceAsync(GoogleSyncRig.UserId, current.EventId, current.Version, draft, CalendarService.SourceApi, CancellationToken.None);
        return Assert.IsType<CalendarOutcome.Stored>(outcome).Event;
    }
}
