using RealtimeCalendar.Browser.Tests.Fixtures;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static RealtimeCalendar.Browser.Tests.Fixtures.UtcDays;

namespace RealtimeCalendar.Browser.Tests.Screenshots;

[Collection(BrowserCloudCollection.Name)]
public sealed class WeekViewScreenshotTests(BrowserCloudFixture fixture, ITestOutputHelper output)
{
    /// <summary>Where a reviewer finds the picture (see the README).</summary>
    public static string ScreenshotPath => RepositoryRoot.Artifact("screenshots", "week-view.png");

    [SkippableFact]
    public async Task Week_view_with_events_is_saved_as_a_screenshot_for_review()
    {
        fixture.RequireBrowser();
        var user = await fixture.CreateUserAsync();
        await using var context = await fixture.NewContextAsync("screenshot");
        var tab = await CalendarTab.OpenAsync(context, output, "screenshot");
        await tab.SignInAsync(user);
        var days = await tab.VisibleDaysAsync();

        // Pushed to the open tab as they are made, like changes from another device.
        var events = new[]
        {
            await user.Api.CreateAsync("Team stand-up", At(days[1], 9), At(days[1], 9, 30)),
            await user.Api.CreateAsync("Design review", At(days[2], 10), At(days[2], 12)),
            await user.Api.CreateAsync("Lunch with Sam", At(days[2], 11, 30), At(days[2], 13)),
            await user.Api.CreateAsync("Dentist", At(days[3], 15), At(days[3], 16)),
            await user.Api.CreateAsync("Conference", At(days[4], 0), At(days[6], 0), allDay: true),
            await user.Api.CreateAsync("Release <v2> & party", At(days[5], 17), At(days[5], 19)),
        };
        foreach (var stored in events)
            await Expect(tab.Event(stored.Id).First).ToContainTextAsync(stored.Title);
        await tab.Page.Mouse.MoveAsync(0, 0);

        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        File.Delete(ScreenshotPath);
        await tab.Page.ScreenshotAsync(new() { Path = ScreenshotPath });

        var png = await File.ReadAllBytesAsync(ScreenshotPath);
        Assert.True(png.Length > 10_000, $"{ScreenshotPath} is only {png.Length} bytes.");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        output.WriteLine($"Week view screenshot: {ScreenshotPath}");
    }
}
