using RealtimeCalendar.Browser.Tests.Fixtures;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RealtimeCalendar.Browser.Tests.SignIn;

[Collection(BrowserCloudCollection.Name)]
public sealed class SignInTests(BrowserCloudFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Wrong_password_shows_an_error_and_the_right_one_opens_the_live_calendar()
    {
        fixture.RequireBrowser();
        var user = await fixture.CreateUserAsync();
        await using var context = await fixture.NewContextAsync("sign-in");
        var tab = await CalendarTab.OpenAsync(context, output, "sign-in");

        await tab.Page.GetByTestId("signin-email").FillAsync(user.Email);
        await tab.Page.GetByTestId("signin-password").FillAsync(user.Password + "-wrong");
        await tab.Page.GetByTestId("signin-submit").ClickAsync();

        await Expect(tab.Page.GetByTestId("signin-error")).ToHaveTextAsync("Incorrect e-mail or password.");
        await Expect(tab.ConnectionStatus).ToHaveCountAsync(0);

        await tab.SignInAsync(user);

        await Expect(tab.Page.GetByTestId("signin-email")).ToHaveCountAsync(0);
        await Expect(tab.Page.Locator("[role=columnheader][data-date]")).ToHaveCountAsync(7);
    }

    [SkippableFact]
    public async Task Sign_out_returns_to_the_sign_in_screen_and_a_reload_stays_signed_out()
    {
        fixture.RequireBrowser();
        var user = await fixture.CreateUserAsync();
        await using var context = await fixture.NewContextAsync("sign-out");
        var tab = await CalendarTab.OpenAsync(context, output, "sign-out");
        await tab.SignInAsync(user);

        await tab.Page.GetByTestId("signout").ClickAsync();

        await Expect(tab.Page.GetByTestId("signin-email")).ToBeVisibleAsync();
        await tab.Page.ReloadAsync();
        await Expect(tab.Page.GetByTestId("signin-email")).ToBeVisibleAsync();
        await Expect(tab.ConnectionStatus).ToHaveCountAsync(0);
    }
}
