using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RealtimeCalendar.Browser.Tests.Fixtures;

/// <summary>
/// One browser tab on the calendar, driven the way a person drives it (mouse on the week view, the event dialog),
/// located through the client's <c>data-testid</c> attributes and the <c>data-event-id</c> on every rendered event.
/// FullCalendar 7's own class names are hashed, so the grid is found by its ARIA roles and <c>data-date</c>/<c>data-time</c>.
/// Mouse work first brings the tab to the front, as a person would: Chromium throttles the frames of background tabs,
/// which made every step of a drag wait about a second.
/// </summary>
public sealed class CalendarTab
{
    private CalendarTab(IPage page) => Page = page;

    public IPage Page { get; }

    public ILocator ConnectionStatus => Page.GetByTestId("connection-status");

    public ILocator Dialog => Page.GetByTestId("event-dialog");

    public ILocator Notice => Page.GetByTestId("notice");

    public ILocator DialogTitle => Page.GetByTestId("event-title");

    /// <summary>Every rendered event (an event may render in more than one piece, e.g. across days).</summary>
    public ILocator Events => Page.Locator("[data-event-id]");

    public ILocator Event(string id) => Page.Locator($"[data-event-id='{id}']");

    /// <summary>Every rendered occurrence of the series (the client marks them with <c>data-recurring-event-id</c>).</summary>
    public ILocator Occurrences(string seriesId) => Page.Locator($"[data-recurring-event-id='{seriesId}']");

    /// <summary>Every reminder toast on the page (each carries <c>data-reminder-id</c> and <c>data-event-id</c>).</summary>
    public ILocator ReminderToasts => Page.GetByTestId("reminder-toast");

    /// <summary>The toast of a reminder of the event <paramref name="eventId"/>.</summary>
    public ILocator ReminderToastFor(string eventId) => Page.Locator($"[data-testid='reminder-toast'][data-event-id='{eventId}']");

    /// <summary>"This event / This and following events / All events", asked before an occurrence changes.</summary>
    public ILocator ScopePrompt => Page.GetByTestId("scope-prompt");

    /// <summary>The event as rendered inside the given day's column of the week view.</summary>
    public ILocator EventOnDay(string id, DateOnly day) => Page.Locator($"[role=gridcell][data-date='{Iso(day)}'] [data-event-id='{id}']");

    /// <summary>Opens a tab on the calendar's page; browser errors and failed requests go to the test's output.</summary>
    public static async Task<CalendarTab> OpenAsync(IBrowserContext context, ITestOutputHelper output, string name)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
                Write(output, $"[{name}] console {message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => Write(output, $"[{name}] page error: {error}");
        await page.GotoAsync("/");
        return new CalendarTab(page);
    }

    public async Task SignInAsync(CalendarUser user)
    {
        await Page.GetByTestId("signin-email").FillAsync(user.Email);
        await Page.GetByTestId("signin-password").FillAsync(user.Password);
        await Page.GetByTestId("signin-submit").ClickAsync();
        await ExpectLiveAsync();
    }

    public Task ExpectLiveAsync() => Expect(ConnectionStatus).ToHaveAttributeAsync("data-state", "live");

    /// <summary>The days the week view shows, first to last.</summary>
    public async Task<IReadOnlyList<DateOnly>> VisibleDaysAsync()
    {
        var headers = Page.Locator("[role=columnheader][data-date]");
        await Expect(headers.First).ToBeVisibleAsync();
        var dates = await headers.EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.date)");
        return [.. dates.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))];
    }

    /// <summary>
    /// Selects [from, to) on a day of the week view with the mouse, which opens the dialog for a new event; fills
    /// the title and saves; returns the new event's id once the calendar shows it.
    /// </summary>
    public async Task<string> CreateBySelectingAsync(DateOnly day, TimeOnly from, TimeOnly to, string title)
    {
        await OpenNewEventBySelectingAsync(day, from, to);
        await DialogTitle.FillAsync(title);
        await Page.GetByTestId("event-save").ClickAsync();
        await Expect(Dialog).ToBeHiddenAsync();

        var created = Events.Filter(new() { HasText = title });
        await Expect(created).ToHaveCountAsync(1);
        return await created.GetAttributeAsync("data-event-id") ?? throw new InvalidOperationException("A rendered event has no data-event-id.");
    }

    /// <summary>
    /// Selects [from, to) on a day, as <see cref="CreateBySelectingAsync"/> does, and saves it as a weekly series on
    /// <paramref name="weekdays"/> that ends after <paramref name="count"/> times, chosen in the dialog's Repeat and
    /// Ends controls; returns the series' id once the calendar shows an occurrence of it.
    /// </summary>
    public async Task<string> CreateWeeklySeriesBySelectingAsync(
        DateOnly day, TimeOnly from, TimeOnly to, string title, IReadOnlyCollection<DayOfWeek> weekdays, int count)
    {
        await OpenNewEventBySelectingAsync(day, from, to);
        await DialogTitle.FillAsync(title);
        await Page.GetByTestId("event-repeat").SelectOptionAsync("weekly");
        foreach (var weekday in Enum.GetValues<DayOfWeek>())
            await Page.GetByTestId($"event-repeat-day-{RfcWeekday(weekday)}").SetCheckedAsync(weekdays.Contains(weekday));
        await Page.GetByTestId("event-repeat-ends").SelectOptionAsync("afterCount");
        await Page.GetByTestId("event-repeat-count").FillAsync(count.ToString(CultureInfo.InvariantCulture));
        await Page.GetByTestId("event-save").ClickAsync();
        await Expect(Dialog).ToBeHiddenAsync();

        var occurrence = Page.Locator("[data-recurring-event-id]").Filter(new() { HasText = title }).First;
        await Expect(occurrence).ToBeVisibleAsync();
        return await occurrence.GetAttributeAsync("data-recurring-event-id")
            ?? throw new InvalidOperationException("A rendered occurrence has no data-recurring-event-id.");
    }

    /// <summary>Answers the scope prompt: <c>this</c>, <c>following</c>, <c>all</c> or <c>cancel</c>.</summary>
    public async Task ChooseScopeAsync(string choice)
    {
        await Expect(ScopePrompt).ToBeVisibleAsync();
        await Page.GetByTestId($"scope-{choice}").ClickAsync();
        await Expect(ScopePrompt).ToBeHiddenAsync();
    }

    /// <summary>RFC 5545's two-letter code for a weekday (BYDAY), as the Repeat controls' test ids use it.</summary>
    public static string RfcWeekday(DayOfWeek day) => day.ToString()[..2].ToUpperInvariant();

    /// <summary>Selects [from, to) on a day of the week view with the mouse; the dialog opens for a new event at those times.</summary>
    public async Task OpenNewEventBySelectingAsync(DateOnly day, TimeOnly from, TimeOnly to)
    {
        await Page.BringToFrontAsync();
        // Both rows on screen first, then measured, so one scroll cannot move the other's coordinates.
        await Slot(from).ScrollIntoViewIfNeededAsync();
        await Slot(to.AddMinutes(-30)).ScrollIntoViewIfNeededAsync();
        var x = await DayCenterXAsync(day);
        var top = await BoxOfAsync(Slot(from));
        var last = await BoxOfAsync(Slot(to.AddMinutes(-30)));
        await Page.Mouse.MoveAsync(x, top.Y + (top.Height / 2));
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(x, last.Y + (last.Height / 2), new() { Steps = 8 });
        await Page.Mouse.UpAsync();

        await Expect(Dialog).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("event-start")).ToHaveValueAsync($"{Iso(day)}T{from:HH\\:mm}");
        await Expect(Page.GetByTestId("event-end")).ToHaveValueAsync($"{Iso(day)}T{to:HH\\:mm}");
    }

    /// <summary>Drags the event with the mouse to the same time on another day of the week view.</summary>
    public async Task DragToDayAsync(string id, DateOnly day)
    {
        await Page.BringToFrontAsync();
        var box = await Event(id).BoundingBoxAsync() ?? throw new InvalidOperationException($"Event {id} is not on screen.");
        var x = box.X + (box.Width / 2);
        var y = box.Y + Math.Min(10, box.Height / 2);
        var targetX = await DayCenterXAsync(day);
        await Page.Mouse.MoveAsync(x, y);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(x + ((targetX - x) / 4), y, new() { Steps = 4 });
        await Page.Mouse.MoveAsync(targetX, y, new() { Steps = 8 });
        await Page.Mouse.UpAsync();
    }

    /// <summary>Clicks the event, which opens it in the dialog.</summary>
    public async Task OpenEventAsync(string id)
    {
        await Page.BringToFrontAsync();
        await Event(id).First.ClickAsync();
        await Expect(Dialog).ToBeVisibleAsync();
    }

    /// <summary>Opens the event, replaces its title and saves; the dialog closes when the server took it.</summary>
    public async Task RenameAsync(string id, string title)
    {
        await OpenEventAsync(id);
        await DialogTitle.FillAsync(title);
        await Page.GetByTestId("event-save").ClickAsync();
        await Expect(Dialog).ToBeHiddenAsync();
    }

    public async Task DeleteAsync(string id)
    {
        await OpenEventAsync(id);
        await Page.GetByTestId("event-delete").ClickAsync();
        await Expect(Dialog).ToBeHiddenAsync();
    }

    private async Task<float> DayCenterXAsync(DateOnly day)
    {
        var box = await Page.Locator($"[role=columnheader][data-date='{Iso(day)}']").BoundingBoxAsync()
            ?? throw new InvalidOperationException($"{day} is not in the visible week.");
        return box.X + (box.Width / 2);
    }

    /// <summary>The half-hour row of the time grid that starts at <paramref name="time"/>.</summary>
    private ILocator Slot(TimeOnly time) => Page.Locator($"[data-time='{time:HH\\:mm\\:ss}']").Last;

    private static async Task<LocatorBoundingBoxResult> BoxOfAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not on screen.");

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Write(ITestOutputHelper output, string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test already finished; a late message from a closing page has nowhere to go.
        }
    }
}
