using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google.Tests.Fixtures;

namespace RealtimeCalendar.Google.Tests.Conflicts;

/// <summary>The README's rule: the version with the later <c>updated</c> wins, the loser is logged.</summary>
public sealed class ConflictRuleTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Later_google_edit_wins_over_an_earlier_unpushed_local_edit()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var standup = rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        await rig.ConnectAsync();
        await rig.PushPendingAsync();

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.RenameLocallyAsync(rig.LocalEvents().Single(), "Standup (local)");
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        rig.Google.UpdateInGoogle((string)standup["id"]!, "Standup (google)");
        await rig.PullAsync();
        // The local edit's push now finds Google changed (412) or is superseded: either way Google's version stays.
        await rig.PushPendingAsync();

        Assert.Equal("Standup (google)", rig.LocalEvents().Single().Title);
        Assert.Equal("Standup (google)", (string?)rig.Google.Find((string)standup["id"]!)!["summary"]);
        Assert.Contains(rig.SyncLog.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Standup (local)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Later_local_edit_wins_over_an_earlier_google_edit_and_is_pushed_back()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var standup = rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        await rig.ConnectAsync();
        await rig.PushPendingAsync();

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        rig.Google.UpdateInGoogle((string)standup["id"]!, "Standup (google)");
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.RenameLocallyAsync(rig.LocalEvents().Single(), "Standup (local)");
        // The pull runs before the local edit's push: the rule, not the order of arrival, decides.
        var result = await rig.PullAsync();
        await rig.PushPendingAsync();

        Assert.Equal(1, result.LocalWins);
        Assert.Equal("Standup (local)", rig.LocalEvents().Single().Title);
        Assert.Equal("Standup (local)", (string?)rig.Google.Find((string)standup["id"]!)!["summary"]);
        Assert.Contains(rig.SyncLog.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Standup (google)", StringComparison.Ordinal));
        // Converged: another pull sees only our own write coming back.
        var again = await rig.PullAsync();
        Assert.Equal(0, again.Created + again.Updated + again.Deleted + again.LocalWins);
    }

    [Fact]
    public async Task Google_cancellation_after_a_local_edit_deletes_the_event()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var standup = rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        await rig.ConnectAsync();
        await rig.PushPendingAsync();

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.RenameLocallyAsync(rig.LocalEvents().Single(), "Standup (local)");
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        rig.Google.CancelInGoogle((string)standup["id"]!);
        var result = await rig.PullAsync();

        Assert.Equal(1, result.Deleted);
        Assert.Empty(rig.LocalEvents());
        Assert.Contains(rig.SyncLog.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Standup (local)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Local_edit_after_a_google_cancellation_restores_the_event_on_google()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var standup = rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        await rig.ConnectAsync();
        await rig.PushPendingAsync();

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        rig.Google.CancelInGoogle((string)standup["id"]!);
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.RenameLocallyAsync(rig.LocalEvents().Single(), "Standup (keep)");
        var result = await rig.PullAsync();

        Assert.Equal(1, result.LocalWins);
        Assert.Equal("Standup (keep)", rig.LocalEvents().Single().Title);
        var onGoogle = rig.Google.Find((string)standup["id"]!)!;
        Assert.Equal("confirmed", (string?)onGoogle["status"]);
        Assert.Equal("Standup (keep)", (string?)onGoogle["summary"]);
    }
}
