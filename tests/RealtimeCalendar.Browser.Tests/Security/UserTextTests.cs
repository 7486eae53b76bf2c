using Microsoft.Playwright;
using RealtimeCalendar.Browser.Tests.Fixtures;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static RealtimeCalendar.Browser.Tests.Fixtures.UtcDays;

namespace RealtimeCalendar.Browser.Tests.Security;

[Collection(BrowserCloudCollection.Name)]
public sealed class UserTextTests(BrowserCloudFixture fixture, ITestOutputHelper output)
{
    private const string Markup = "<img src=x onerror=alert(1)>";

    /// <summary>Records every element that markup in user text would create inside the app, the moment it is created.</summary>
    private const string CountInjectedElements = """
        window.__injected = [];
        new MutationObserver((records) => {
          for (const record of records)
            for (const node of record.addedNodes)
              if (node instanceof Element)
                for (const el of [node, ...node.querySelectorAll('img, script, iframe')])
                  if (['IMG', 'SCRIPT', 'IFRAME'].includes(el.tagName) && el.closest('#app')) window.__injected.push(el.outerHTML);
        }).observe(document, { subtree: true, childList: true });
        """;

    [SkippableFact]
    public async Task Markup_in_a_title_is_shown_as_text_in_the_calendar_the_dialog_and_the_list()
    {
        fixture.RequireBrowser();
        var user = await fixture.CreateUserAsync();
        await using var context = await fixture.NewContextAsync("markup");
        await context.AddInitScriptAsync(CountInjectedElements);
        var dialogs = new List<string>();
        var tab = await CalendarTab.OpenAsync(context, output, "markup");
        tab.Page.Dialog += (_, dialog) =>
        {
            lock (dialogs)
                dialogs.Add($"{dialog.Type}: {dialog.Message}");
        };
        await tab.SignInAsync(user);

        // One typed into the dialog, one that arrives from elsewhere over the socket.
        var typed = await tab.CreateBySelectingAsync(Today, new TimeOnly(9, 0), new TimeOnly(10, 0), Markup);
        var pushed = await user.Api.CreateAsync(Markup, At(Today, 13), At(Today, 14));

        await Expect(tab.Event(typed)).ToContainTextAsync(Markup);
        await Expect(tab.Event(pushed.Id)).ToContainTextAsync(Markup);
        await Expect(tab.Events.Locator("img")).ToHaveCountAsync(0);
        await tab.OpenEventAsync(pushed.Id);
        await Expect(tab.DialogTitle).ToHaveValueAsync(Markup);
        await tab.Page.GetByTestId("event-cancel").ClickAsync();

        await tab.Page.GetByRole(AriaRole.Tab, new() { Name = "List view" }).ClickAsync();
        await Expect(tab.Events.Filter(new() { HasText = Markup })).ToHaveCountAsync(2);

        Assert.Empty(await tab.Page.EvaluateAsync<string[]>("window.__injected"));
        lock (dialogs)
            Assert.Empty(dialogs);
    }
}
