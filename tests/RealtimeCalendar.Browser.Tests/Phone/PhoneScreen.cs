using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RealtimeCalendar.Browser.Tests.Phone;

/// <summary>Checks that a control is on a small screen: inside the window once scrolled to, and not covered by anything.</summary>
public static class PhoneScreen
{
    /// <summary>The top bar's actions, by test id: each must be on screen at once, with no scrolling.</summary>
    public static readonly IReadOnlyList<string> HeaderActions = ["google-sync-button", "connection-status", "chat-toggle", "reminder-settings-open", "signout"];

    public static async Task ExpectHeaderActionsOnScreenAsync(IPage page)
    {
        foreach (var id in HeaderActions)
            await ExpectInsideWindowAsync(page.GetByTestId(id), page);
    }

    /// <summary>The page is no wider than the window: nothing hides to the right.</summary>
    public static async Task ExpectNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, innerWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= innerWidth, $"The page is {scrollWidth} px wide in a {innerWidth} px window.");
    }

    /// <summary>Scrolled into view (as a thumb would), the control is inside the window and nothing covers its centre.</summary>
    public static async Task ExpectReachableAsync(ILocator control)
    {
        await Expect(control).ToBeVisibleAsync();
        await control.ScrollIntoViewIfNeededAsync();
        await ExpectInsideWindowAsync(control, control.Page);
        // What a tap at its centre would hit (a disabled button counts too: it is there once it is enabled).
        var onTop = await control.EvaluateAsync<bool>(
            "el => { const r = el.getBoundingClientRect(); const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return hit !== null && (el === hit || el.contains(hit) || (el.labels ? [...el.labels].some(l => l.contains(hit)) : false)); }");
        Assert.True(onTop, $"{control} is covered by another element at its centre.");
    }

    public static async Task ExpectInsideWindowAsync(ILocator control, IPage page)
    {
        await Expect(control).ToBeVisibleAsync();
        var box = await control.BoundingBoxAsync() ?? throw new InvalidOperationException($"{control} has no box.");
        var window = page.ViewportSize ?? throw new InvalidOperationException("The page has no viewport size.");
        Assert.True(
            box.X >= 0 && box.Y >= 0 && box.X + box.Width <= window.Width + 0.5 && box.Y + box.Height <= window.Height + 0.5,
            $"{control} is at x {box.X:0.#}..{box.X + box.Width:0.#}, y {box.Y:0.#}..{box.Y + box.Height:0.#}, outside the {window.Width}x{window.Height} window.");
    }
}
