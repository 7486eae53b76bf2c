using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google.Tests.Fixtures;

namespace RealtimeCalendar.Google.Tests.Push;

public sealed class PushTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Local_create_is_pushed_to_google_under_our_id_and_linked()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        await rig.ConnectAsync();

        var created = await rig.CreateLocallyAsync("Planning", Monday, TimeSpan.FromHours(1));
        var outcomes = await rig.PushPendingAsync();

        Assert.Equal([GooglePushOutcome.Pushed], outcomes);
        var onGoogle = rig.Google.Find(created.EventId);
        Assert.NotNull(onGoogle);
        Assert.Equal("Planning", (string?)onGoogle["summary"]);
        Assert.Equal(Monday, DateTimeOffset.Parse((string)onGoogle["start"]!["dateTime"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Europe/Berlin", (string?)onGoogle["start"]!["timeZone"]);
        var linked = rig.LocalEvents().Single();
        Assert.Equal(created.Version, linked.Version);
        Assert.Equal((string)onGoogle["etag"]!, linked.GoogleLink!.Etag);
    }

    [Fact]
    public async Task Pushed_event_coming_back_from_google_is_an_echo_not_a_duplicate()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        await rig.ConnectAsync();
        var created = await rig.CreateLocallyAsync("Planning", Monday, TimeSpan.FromHours(1));
        await rig.PushPendingAsync();
        rig.Time.Advance(TimeSpan.FromMinutes(1));

        var result = await rig.PullAsync();
        // The link write the push made is a stream record too; pushing it must not call Google again.
        var requestsBefore = rig.Google.Requests.Count;
        var outcomes = await rig.PushPendingAsync();

        Assert.Equal(1, result.Echoes);
        Assert.Equal(0, result.Created + result.Updated);
        var only = Assert.Single(rig.LocalEvents());
        Assert.Equal(created.Version, only.Version);
        Assert.Single(rig.Google.LiveEvents());
        Assert.All(outcomes, o => Assert.Equal(GooglePushOutcome.NotNeeded, o));
        Assert.Equal(requestsBefore, rig.Google.Requests.Count);
    }

    [Fact]
    public async Task Local_edit_of_a_google_event_patches_it_with_if_match()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var standup = rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        await rig.ConnectAsync();
        await rig.PushPendingAsync();
        rig.Time.Advance(TimeSpan.FromMinutes(1));

        var renamed = await rig.RenameLocallyAsync(rig.LocalEvents().Single(), "Standup (short)");
        var outcomes = await rig.PushPendingAsync();

        Assert.Equal([GooglePushOutcome.Pushed], outcomes);
        Assert.Equal("Standup (short)", (string?)rig.Google.Find((string)standup["id"]!)!["summary"]);
        var patch = rig.Google.Requests.Single(r => r.Method == "PATCH");
        Assert.Equal((string)standup["etag"]!, patch.IfMatch);
        // The edit kept the link, and the link now names Google's new version.
        Assert.Equal((string)rig.Google.Find((string)standup["id"]!)!["etag"]!, rig.LocalEvents().Single().GoogleLink!.Etag);
        Assert.Equal(renamed.Version, rig.LocalEvents().Single().Version);
    }

    [Fact]
    public async Task Local_delete_is_pushed_and_google_events_pulled_in_are_not_sent_back()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var standup = rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        await rig.ConnectAsync();

        var pulledOutcomes = await rig.PushPendingAsync();
        var local = rig.LocalEvents().Single();
        await rig.Calendar.DeleteAsync(GoogleSyncRig.UserId, local.EventId, local.Version, CancellationToken.None);
        var deleteOutcomes = await rig.PushPendingAsync();

        Assert.Equal([GooglePushOutcome.NotNeeded], pulledOutcomes);
        Assert.Equal([GooglePushOutcome.Pushed], deleteOutcomes);
        Assert.Equal("cancelled", (string?)rig.Google.Find((string)standup["id"]!)!["status"]);
    }

    [Fact]
    public async Task Retried_insert_that_already_reached_google_updates_instead_of_duplicating()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        await rig.ConnectAsync();
        var created = await rig.CreateLocallyAsync("Planning", Monday, TimeSpan.FromHours(1));
        await rig.PushPendingAsync();
        // The link write was lost (say the function timed out after Google answered): the same insert runs again.
        rig.Events.ForgetGoogleLink(GoogleSyncRig.UserId, created.EventId);

        var outcome = await rig.Sync.PushAsync(GoogleSyncRig.UserId, null, created, CancellationToken.None);

        Assert.Equal(GooglePushOutcome.Pushed, outcome);
        Assert.Contains(rig.Google.Requests, r => r.Method == "POST" && r.Status == 409);
        Assert.Single(rig.Google.LiveEvents());
    }

    [Fact]
    public async Task Push_without_a_connection_does_nothing()
    {
        await using var rig = await GoogleSyncRig.StartAsync();

        await rig.CreateLocallyAsync("Planning", Monday, TimeSpan.FromHours(1));
        var outcomes = await rig.PushPendingAsync();

        Assert.Equal([GooglePushOutcome.NotConnected], outcomes);
        Assert.Empty(rig.Google.Requests);
    }
}
