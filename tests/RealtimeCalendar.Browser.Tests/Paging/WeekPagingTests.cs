using RealtimeCalendar.Browser.Tests.Fixtures;
using RealtimeCalendar.Core.Events;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RealtimeCalendar.Browser.Tests.Paging;

[Collection(BrowserCloudCollection.Name)]
public sealed class WeekPagingTests(BrowserCloudFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_week_with_more_large_events_than_one_page_shows_every_one_of_them()
    {
        fixture.RequireBrowser();
        var user = await fixture.CreateUserAsync();
        await using var context = await fixture.NewContextAsync("pages");
        var first = await CalendarTab.OpenAsync(context, output, "first");
        await first.SignInAsync(user);
        var days = await first.VisibleDaysAsync();
        await first.Page.CloseAsync();

        // More than two full pages, every one with a description at the validator's limit, half-hour apart so none overlap.
        // Pages are cut by size: a page holds what its budget admits of such events (~42), and the store reads 40 at a time.
        var perPage = Math.Min(EventPaging.StoreChunk, EventPaging.PageBudgetBytes / (EventPaging.FixedBytesPerEvent + (EventPaging.BytesPerCharacter * EventLimits.DescriptionMaxLength)));
        var count = (2 * perPage) + 5;
        var description = new string('d', EventLimits.DescriptionMaxLength);
        for (var i = 0; i < count; i++)
        {
            var day = days[i % days.Count];
            var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero).AddMinutes(30 * (i / days.Count));
            await user.Api.CreateAsync($"Event {i}", start, start.AddMinutes(25), description: description);
        }

        // A tab opened now loads the week only through the listing, page after page.
        var second = await CalendarTab.OpenAsync(context, output, "second");
        await second.ExpectLiveAsync();
        await Expect(second.Events).ToHaveCountAsync(count);
    }
}
