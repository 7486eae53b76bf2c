using Microsoft.Playwright;
using RealtimeCalendar.Browser.Tests.Fixtures;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static RealtimeCalendar.Browser.Tests.Fixtures.UtcDays;

namespace RealtimeCalendar.Browser.Tests.LiveUpdates;

[Collection(BrowserCloudCollection.Name)]
public sealed class ReconnectTests(BrowserCloudFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_tab_whose_socket_was_cut_shows_the_changes_it_missed_once_it_reconnects()
    {
        fixture.RequireBrowser();
        var user = await fixture.CreateUserAsync();
        var today = UtcDays.Today;
        var renamed = await user.Api.CreateAsync("Before the outage", At(today, 9), At(today, 10));
        var deleted = await user.Api.CreateAsync("Cancelled during the outage", At(today, 11), At(today, 12));
        await using var context = await fixture.NewContextAsync("reconnect");
        var tab = await CalendarTab.OpenAsync(context, output, "reconnect");
        await tab.SignInAsync(user);
        await Expect(tab.Event(renamed.Id)).ToContainTextAsync("Before the outage");
        await Expect(tab.Event(deleted.Id)).ToBeVisibleAsync();

        // Hold the tab's ticket requests, so after the cut it stays reconnecting until the changes are made.
        var reconnectAllowed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await tab.Page.RouteAsync("**/api/realtime/ticket", async route =>
        {
            await reconnectAllowed.Task;
            await route.ContinueAsync();
        });
        var userAgent = fixture.UserAgentFor("reconnect");
        var socket = Assert.Single(fixture.Cloud.Connections.Snapshot(), c => c.IsOpen && c.UserAgent == userAgent);

        // API Gateway ends the connection (what DeleteConnection, the idle timeout or the 2 h limit do).
        await socket.Closing.CancelAsync();
        await Expect(tab.ConnectionStatus).ToHaveAttributeAsync("data-state", "reconnecting");

        await user.Api.UpdateAsync(renamed, "Renamed during the outage");
        await user.Api.DeleteAsync(deleted);
        var added = await user.Api.CreateAsync("Added during the outage", At(today, 14), At(today, 15));
        reconnectAllowed.SetResult();

        await tab.ExpectLiveAsync();
        await Expect(tab.Event(renamed.Id)).ToContainTextAsync("Renamed during the outage");
        await Expect(tab.Event(deleted.Id)).ToHaveCountAsync(0);
        await Expect(tab.Event(added.Id)).ToContainTextAsync("Added during the outage");
        var reconnected = Assert.Single(fixture.Cloud.Connections.Snapshot(), c => c.IsOpen && c.UserAgent == userAgent);
        Assert.NotEqual(socket.ConnectionId, reconnected.ConnectionId);
    }

    [SkippableFact]
    public async Task A_tab_that_was_offline_shows_offline_and_catches_up_when_the_network_returns()
    {
        fixture.RequireBrowser();
        var user = await fixture.CreateUserAsync();
        var today = UtcDays.Today;
        await using var context = await fixture.NewContextAsync("offline");
        var tab = await CalendarTab.OpenAsync(context, output, "offline");
        await tab.SignInAsync(user);

        await context.SetOfflineAsync(true);
        await Expect(tab.ConnectionStatus).ToHaveAttributeAsync("data-state", "offline");
        var added = await user.Api.CreateAsync("Made while the tab was offline", At(today, 16), At(today, 17));
        await context.SetOfflineAsync(false);

        await tab.ExpectLiveAsync();
        await Expect(tab.Event(added.Id)).ToContainTextAsync("Made while the tab was offline");
    }
}
