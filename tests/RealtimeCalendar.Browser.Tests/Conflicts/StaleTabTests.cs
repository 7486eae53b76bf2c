using RealtimeCalendar.Browser.Tests.Fixtures;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static RealtimeCalendar.Browser.Tests.Fixtures.UtcDays;

namespace RealtimeCalendar.Browser.Tests.Conflicts;

[Collection(BrowserCloudCollection.Name)]
public sealed class StaleTabTests(BrowserCloudFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Saving_an_edit_of_an_event_changed_elsewhere_reloads_it_and_says_so()
    {
        fixture.RequireBrowser();
        var user = await fixture.CreateUserAsync();
        var today = UtcDays.Today;
        var original = await user.Api.CreateAsync("Dentist", At(today, 9), At(today, 10));
        await using var context = await fixture.NewContextAsync("stale");
        var tab = await CalendarTab.OpenAsync(context, output, "stale");
        await tab.SignInAsync(user);
        await Expect(tab.Event(original.Id)).ToContainTextAsync("Dentist");

        // Offline, the tab cannot hear about the change another device makes meanwhile.
        await context.SetOfflineAsync(true);
        await Expect(tab.ConnectionStatus).ToHaveAttributeAsync("data-state", "offline");
        var elsewhere = await user.Api.UpdateAsync(original, "Dentist (moved by phone)", At(today, 11), At(today, 12));
        await tab.OpenEventAsync(original.Id);
        await Expect(tab.DialogTitle).ToHaveValueAsync("Dentist");
        await tab.DialogTitle.FillAsync("Dentist, edited in the stale tab");
        await context.SetOfflineAsync(false);
        await tab.Page.GetByTestId("event-save").ClickAsync();

        await Expect(tab.Notice).ToHaveTextAsync("This event was changed elsewhere; showing the latest version.");
        await Expect(tab.Dialog).ToBeVisibleAsync();
        await Expect(tab.DialogTitle).ToHaveValueAsync("Dentist (moved by phone)");
        await Expect(tab.Page.GetByTestId("event-start")).ToHaveValueAsync($"{today:yyyy-MM-dd}T11:00");
        await Expect(tab.Event(elsewhere.Id)).ToContainTextAsync("Dentist (moved by phone)");
        Assert.Equal(("Dentist (moved by phone)", 2L), await TitleAndVersionAsync(user, original.Id));

        // The dialog now holds the latest version, so saving again goes through.
        await tab.DialogTitle.FillAsync("Dentist, edited after the reload");
        await tab.Page.GetByTestId("event-save").ClickAsync();
        await Expect(tab.Dialog).ToBeHiddenAsync();
        await Expect(tab.Event(original.Id)).ToContainTextAsync("Dentist, edited after the reload");
        Assert.Equal(("Dentist, edited after the reload", 3L), await TitleAndVersionAsync(user, original.Id));
    }

    private static async Task<(string Title, long Version)> TitleAndVersionAsync(CalendarUser user, string id)
    {
        var stored = await user.Api.FindAsync(id) ?? throw new InvalidOperationException($"Event {id} is gone.");
        return (stored.Title, stored.Version);
    }
}
