using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google.Tests.Fixtures;

namespace RealtimeCalendar.Google.Tests.Pull;

public sealed class PullTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task First_sync_imports_every_google_event_across_pages()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var timed = rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        rig.Google.CreateInGoogle("Review", Monday.AddHours(2), Monday.AddHours(3));
        rig.Google.CreateInGoogle("Lunch", Monday.AddHours(3), Monday.AddHours(4));
        rig.Google.CreateInGoogle("Retro", Monday.AddHours(5), Monday.AddHours(6));
        rig.Google.CreateAllDayInGoogle("Holiday", new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 27));

        var result = await rig.ConnectAsync();

        Assert.True(result.FullResync);
        Assert.Equal(5, result.Created);
        var local = rig.LocalEvents();
        Assert.Equal(["Standup", "Review", "Lunch", "Retro", "Holiday"], local.Select(e => e.Title));
        var standup = local[0];
        Assert.Equal(Monday, standup.Start);
        Assert.Equal(Monday.AddMinutes(15), standup.End);
        Assert.Equal("Europe/Berlin", standup.TimeZone);
        Assert.Equal(GoogleSyncService.SourceGoogle, standup.Source);
        Assert.Equal((string)timed["id"]!, standup.GoogleLink!.EventId);
        Assert.Equal((string)timed["etag"]!, standup.GoogleLink.Etag);
        var holiday = local[4];
        Assert.True(holiday.AllDay);
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 0, 0, 0, TimeSpan.Zero), holiday.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 27, 0, 0, 0, TimeSpan.Zero), holiday.End);
        // Page size 2: three list calls, the last one handing out the sync token that the state now holds.
        Assert.Equal(3, rig.Google.Requests.Count(r => r.Method == "GET" && r.PathAndQuery.Contains("/events", StringComparison.Ordinal)));
        Assert.StartsWith("sync-", (await rig.Sync.GetStateAsync(GoogleSyncRig.UserId, CancellationToken.None))!.SyncToken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incremental_pull_applies_creates_updates_and_cancellations_from_google()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var renamed = rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        var cancelled = rig.Google.CreateInGoogle("Dentist", Monday.AddHours(4), Monday.AddHours(5));
        await rig.ConnectAsync();
        var versionBefore = rig.LocalEvents().Single(e => e.Title == "Standup").Version;

        rig.Time.Advance(TimeSpan.FromMinutes(5));
        rig.Google.UpdateInGoogle((string)renamed["id"]!, "Standup (moved to Teams)");
        rig.Google.CancelInGoogle((string)cancelled["id"]!);
        rig.Google.CreateInGoogle("Flight", Monday.AddDays(1), Monday.AddDays(1).AddHours(2));
        var result = await rig.PullAsync();

        Assert.False(result.FullResync);
        Assert.Equal((1, 1, 1), (result.Created, result.Updated, result.Deleted));
        Assert.Equal(["Standup (moved to Teams)", "Flight"], rig.LocalEvents().Select(e => e.Title));
        Assert.Equal(versionBefore + 1, rig.LocalEvents()[0].Version);
        // The incremental call carried the stored sync token instead of listing everything again.
        var lastList = rig.Google.Requests.Last(r => r.Method == "GET");
        Assert.Contains("syncToken=sync-", lastList.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_with_nothing_new_changes_nothing()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        await rig.ConnectAsync();
        var before = rig.LocalEvents();

        var result = await rig.PullAsync();

        Assert.Equal(0, result.Created + result.Updated + result.Deleted);
        Assert.Equal(before, rig.LocalEvents());
    }

    [Fact]
    public async Task Expired_sync_token_is_answered_with_a_full_resync()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var standup = rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        await rig.ConnectAsync();
        rig.Time.Advance(TimeSpan.FromMinutes(5));
        rig.Google.UpdateInGoogle((string)standup["id"]!, "Standup v2");
        rig.Google.CreateInGoogle("Flight", Monday.AddDays(1), Monday.AddDays(1).AddHours(2));
        rig.Google.ExpireSyncTokens();

        var result = await rig.PullAsync();

        Assert.True(result.FullResync);
        Assert.Contains(rig.Google.Requests, r => r.Status == 410);
        Assert.Equal(["Standup v2", "Flight"], rig.LocalEvents().Select(e => e.Title));
        // Nothing duplicated by listing everything again.
        Assert.Equal(2, rig.LocalEvents().Count);
        Assert.Equal(0, (await rig.PullAsync()).Created);
    }
}
