using Microsoft.Playwright;
using RealtimeCalendar.Browser.Tests.Fixtures;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static RealtimeCalendar.Browser.Tests.Fixtures.UtcDays;

namespace RealtimeCalendar.Browser.Tests.Phone;

/// <summary>
/// The calendar on a phone-sized page (390x844, an iPhone 14's CSS pixels): every action of the top bar, the event
/// dialog's buttons and the chat are on screen and usable, and nothing makes the page scroll sideways.
/// </summary>
[Collection(BrowserCloudCollection.Name)]
public sealed class PhoneLayoutTests(BrowserCloudFixture fixture, ITestOutputHelper output)
{
    public static readonly ViewportSize PhoneViewport = new() { Width = 390, Height = 844 };

    /// <summary>Where a reviewer finds the phone picture.</summary>
    public static string ScreenshotPath => RepositoryRoot.Artifact("screenshots", "phone-view.png");

    [SkippableFact]
    public async Task At_390_pixels_every_header_action_the_event_dialog_the_chat_and_a_reminder_toast_are_on_screen()
    {
        fixture.RequireBrowser();
        var user = await fixture.CreateUserAsync();
        await using var context = await fixture.NewContextAsync("phone", PhoneViewport);
        var tab = await CalendarTab.OpenAsync(context, output, "phone");
        await tab.SignInAsync(user);

        await PhoneScreen.ExpectHeaderActionsOnScreenAsync(tab.Page);
        await PhoneScreen.ExpectNoSidewaysScrollAsync(tab.Page);

        // The dialog opens on an event and every control down to Save can be reached and used.
        var stored = await user.Api.CreateAsync("Dentist", At(Today, 15), At(Today, 16));
        await Expect(tab.Event(stored.Id).First).ToBeVisibleAsync();
        await tab.OpenEventAsync(stored.Id);
        foreach (var id in new[] { "event-title", "event-start", "event-end", "event-reminders-default", "event-cancel", "event-save" })
            await PhoneScreen.ExpectReachableAsync(tab.Page.GetByTestId(id));
        await tab.Page.GetByTestId("event-cancel").ClickAsync();
        await Expect(tab.Dialog).ToBeHiddenAsync();

        // The chat opens as a drawer from the top bar, with its input and Send on screen.
        await tab.Page.GetByTestId("chat-toggle").ClickAsync();
        await PhoneScreen.ExpectReachableAsync(tab.Page.GetByTestId("chat-input"));
        await tab.Page.GetByTestId("chat-input").FillAsync("What do I have today?");
        await PhoneScreen.ExpectReachableAsync(tab.Page.GetByTestId("chat-send"));
        await PhoneScreen.ExpectReachableAsync(tab.Page.GetByTestId("chat-close"));
        await tab.Page.GetByTestId("chat-close").ClickAsync();
        await Expect(tab.Page.GetByTestId("chat-input")).ToBeHiddenAsync();

        // A reminder's toast is on screen with its buttons, above the calendar, and Snooze takes it away.
        var (reminded, _) = await ReminderFiring.CreateAndFireAsync(fixture.Cloud, user, "Call the plumber about the kitchen sink before noon");
        var toast = tab.ReminderToastFor(reminded.Id);
        await PhoneScreen.ExpectInsideWindowAsync(toast, tab.Page);
        await PhoneScreen.ExpectReachableAsync(toast.GetByTestId("reminder-dismiss"));
        await PhoneScreen.ExpectReachableAsync(toast.GetByTestId("reminder-snooze"));
        await PhoneScreen.ExpectHeaderActionsOnScreenAsync(tab.Page);
        await PhoneScreen.ExpectNoSidewaysScrollAsync(tab.Page);
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await tab.Page.ScreenshotAsync(new() { Path = ScreenshotPath });
        await toast.GetByTestId("reminder-snooze").ClickAsync();
        await Expect(tab.ReminderToasts).ToHaveCountAsync(0);

        // The reminder settings fit too.
        await tab.Page.GetByTestId("reminder-settings-open").ClickAsync();
        await PhoneScreen.ExpectReachableAsync(tab.Page.GetByTestId("reminder-settings-save"));
        await PhoneScreen.ExpectReachableAsync(tab.Page.GetByTestId("reminder-settings-cancel"));
        await tab.Page.GetByTestId("reminder-settings-cancel").ClickAsync();
        output.WriteLine($"Phone screenshot (with a reminder): {ScreenshotPath}");
    }
}
