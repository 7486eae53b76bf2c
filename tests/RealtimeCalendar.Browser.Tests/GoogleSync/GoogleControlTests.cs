using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RealtimeCalendar.Browser.Tests.Fixtures;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RealtimeCalendar.Browser.Tests.GoogleSync;

[Collection(BrowserCloudCollection.Name)]
public sealed class GoogleControlTests(BrowserCloudFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Without_google_configured_the_connect_button_is_disabled_and_says_what_to_set()
    {
        fixture.RequireBrowser();
        var user = await fixture.CreateUserAsync();
        await using var context = await fixture.NewContextAsync("google");
        var tab = await CalendarTab.OpenAsync(context, output, "google");
        await tab.SignInAsync(user);

        var connect = tab.Page.GetByTestId("google-sync").GetByRole(AriaRole.Button, new() { Name = "Connect Google Calendar" });

        await Expect(connect).ToBeDisabledAsync();
        await Expect(connect).ToHaveAttributeAsync("title", new Regex("GOOGLE_CLIENT_ID"));
    }
}
