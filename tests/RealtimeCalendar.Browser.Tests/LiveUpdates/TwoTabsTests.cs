using RealtimeCalendar.Browser.Tests.Fixtures;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static RealtimeCalendar.Browser.Tests.Fixtures.UtcDays;

namespace RealtimeCalendar.Browser.Tests.LiveUpdates;

[Collection(BrowserCloudCollection.Name)]
public sealed class TwoTabsTests(BrowserCloudFixture fixture, ITestOutputHelper output)
{
    /// <summary>Records every event id a page ever renders, so "never showed it" does not depend on when we look.</summary>
    private const string RecordRenderedEventIds = """
        window.__renderedEventIds = new Set();
        const note = (node) => {
          if (!(node instanceof Element)) return;
          if (node.dataset.eventId) window.__renderedEventIds.add(node.dataset.eventId);
          for (const el of node.querySelectorAll('[data-event-id]')) window.__renderedEventIds.add(el.dataset.eventId);
        };
        new MutationObserver((records) => {
          for (const record of records) {
            note(record.target);
            for (const added of record.addedNodes) note(added);
          }
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-event-id'] });
        """;

    [SkippableFact]
    public async Task Create_move_rename_and_delete_in_one_tab_appear_in_the_users_other_tab_and_never_in_another_users()
    {
        fixture.RequireBrowser();
        var owner = await fixture.CreateUserAsync();
        var stranger = await fixture.CreateUserAsync();
        await using var ownerContext = await fixture.NewContextAsync("owner");
        await using var strangerContext = await fixture.NewContextAsync("stranger");
        await strangerContext.AddInitScriptAsync(RecordRenderedEventIds);

        var tab1 = await CalendarTab.OpenAsync(ownerContext, output, "tab1");
        await tab1.SignInAsync(owner);
        // Same browser profile: the second tab starts signed in from the stored refresh token.
        var tab2 = await CalendarTab.OpenAsync(ownerContext, output, "tab2");
        await tab2.ExpectLiveAsync();
        var tab3 = await CalendarTab.OpenAsync(strangerContext, output, "tab3");
        await tab3.SignInAsync(stranger);

        var today = UtcDays.Today;
        var days = await tab1.VisibleDaysAsync();
        Assert.Contains(today, days);
        var otherDay = days.Contains(today.AddDays(1)) ? today.AddDays(1) : today.AddDays(-1);

        var id = await tab1.CreateBySelectingAsync(today, new TimeOnly(9, 0), new TimeOnly(10, 0), "Planning");
        await Expect(tab2.EventOnDay(id, today)).ToContainTextAsync("Planning");

        await tab1.DragToDayAsync(id, otherDay);
        await Expect(tab1.EventOnDay(id, otherDay)).ToBeVisibleAsync();
        await Expect(tab2.EventOnDay(id, otherDay)).ToContainTextAsync("Planning");
        await Expect(tab2.EventOnDay(id, today)).ToHaveCountAsync(0);
        var moved = await owner.Api.FindAsync(id);
        Assert.Equal((otherDay.ToDateTime(new TimeOnly(9, 0)), 2L), (moved!.Start.UtcDateTime, moved.Version));

        await tab1.RenameAsync(id, "Planning, moved");
        await Expect(tab2.Event(id)).ToContainTextAsync("Planning, moved");

        await tab1.DeleteAsync(id);
        await Expect(tab1.Event(id)).ToHaveCountAsync(0);
        await Expect(tab2.Event(id)).ToHaveCountAsync(0);
        Assert.Null(await owner.Api.FindAsync(id));

        // The stranger's tab is live (its own change arrives) yet never rendered any of the owner's.
        var own = await stranger.Api.CreateAsync("Stranger's own", At(today, 14), At(today, 15));
        await Expect(tab3.Event(own.Id)).ToContainTextAsync("Stranger's own");
        var rendered = await tab3.Page.EvaluateAsync<string[]>("[...window.__renderedEventIds]");
        Assert.Equal([own.Id], rendered);
    }
}
