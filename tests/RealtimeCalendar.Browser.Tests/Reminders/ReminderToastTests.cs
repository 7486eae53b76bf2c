using System.Diagnostics;
using RealtimeCalendar.Browser.Tests.Fixtures;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RealtimeCalendar.Browser.Tests.Reminders;

/// <summary>
/// A reminder that fires shows as a toast in every open tab of its owner (once, however often it is delivered), and
/// Dismiss in one tab takes it off every tab through the server's push.
/// </summary>
[Collection(BrowserCloudCollection.Name)]
public sealed class ReminderToastTests(BrowserCloudFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_reminder_shows_in_both_tabs_and_dismiss_in_one_removes_it_from_both_within_a_second()
    {
        fixture.RequireBrowser();
        var user = await fixture.CreateUserAsync();
        await using var context = await fixture.NewContextAsync("reminders");
        var tab1 = await CalendarTab.OpenAsync(context, output, "tab1");
        await tab1.SignInAsync(user);
        var tab2 = await CalendarTab.OpenAsync(context, output, "tab2");
        await tab2.ExpectLiveAsync();

        var (stored, due) = await ReminderFiring.CreateAndFireAsync(fixture.Cloud, user, "Dentist <Dr. Weiss>");

        foreach (var tab in new[] { tab1, tab2 })
        {
            var toast = tab.ReminderToastFor(stored.Id);
            await Expect(toast).ToBeVisibleAsync();
            await Expect(toast.GetByTestId("reminder-title")).ToHaveTextAsync("Dentist <Dr. Weiss>");
            await Expect(toast.GetByTestId("reminder-when")).ToContainTextAsync("Starts in");
            await Expect(toast.GetByTestId("reminder-dismiss")).ToHaveTextAsync("Dismiss");
            await Expect(toast.GetByTestId("reminder-snooze")).ToHaveTextAsync("Snooze 5 min");
        }

        // The schedule invoked again for the same minute (a retried invocation) sends nothing and shows nothing twice.
        var again = await fixture.Cloud.ReminderSchedule.RunAsync(due, attemptNumber: 2, CancellationToken.None);
        Assert.Equal(0, again.Report!.Sent);
        await Expect(tab1.ReminderToasts).ToHaveCountAsync(1);
        await Expect(tab2.ReminderToasts).ToHaveCountAsync(1);

        await tab1.Page.BringToFrontAsync();
        var clock = Stopwatch.StartNew();
        await tab1.ReminderToastFor(stored.Id).GetByTestId("reminder-dismiss").ClickAsync();
        await Expect(tab1.ReminderToasts).ToHaveCountAsync(0, new() { Timeout = 1_000 });
        await Expect(tab2.ReminderToasts).ToHaveCountAsync(0, new() { Timeout = 1_000 });
        output.WriteLine($"Dismissed in tab 1; gone from both tabs after {clock.ElapsedMilliseconds} ms");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"Both toasts took {clock.ElapsedMilliseconds} ms to go.");
        await Expect(tab2.Page.GetByTestId("reminder-toasts")).ToBeHiddenAsync();

    }
}
