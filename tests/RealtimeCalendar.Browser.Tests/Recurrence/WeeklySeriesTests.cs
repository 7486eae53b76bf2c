using System.Globalization;
using RealtimeCalendar.Browser.Tests.Fixtures;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static RealtimeCalendar.Browser.Tests.Fixtures.UtcDays;

namespace RealtimeCalendar.Browser.Tests.Recurrence;

[Collection(BrowserCloudCollection.Name)]
public sealed class WeeklySeriesTests(BrowserCloudFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_weekly_series_made_in_the_dialog_shows_in_two_tabs_and_moving_one_occurrence_with_this_event_moves_only_it_in_both()
    {
        fixture.RequireBrowser();
        var owner = await fixture.CreateUserAsync();
        await using var context = await fixture.NewContextAsync("series");
        var tab1 = await CalendarTab.OpenAsync(context, output, "tab1");
        await tab1.SignInAsync(owner);
        var tab2 = await CalendarTab.OpenAsync(context, output, "tab2");
        await tab2.ExpectLiveAsync();

        // en-US weeks run Sunday to Saturday: the series starts on this week's Monday, repeats Mondays and Thursdays,
        // four times (two in view, two next week).
        var days = await tab1.VisibleDaysAsync();
        var (monday, tuesday, thursday) = (days[1], days[2], days[4]);
        Assert.Equal((DayOfWeek.Monday, DayOfWeek.Thursday), (monday.DayOfWeek, thursday.DayOfWeek));
        var seriesId = await tab1.CreateWeeklySeriesBySelectingAsync(
            monday, new TimeOnly(9, 0), new TimeOnly(10, 0), "Standup", [DayOfWeek.Monday, DayOfWeek.Thursday], count: 4);
        var onMonday = OccurrenceId(seriesId, monday);
        var onThursday = OccurrenceId(seriesId, thursday);

        foreach (var tab in new[] { tab1, tab2 })
        {
            await Expect(tab.EventOnDay(onMonday, monday)).ToContainTextAsync("Standup");
            await Expect(tab.EventOnDay(onThursday, thursday)).ToContainTextAsync("Standup");
            await Expect(tab.Occurrences(seriesId)).ToHaveCountAsync(2);
        }

        var series = await owner.Api.FindAsync(seriesId) ?? throw new InvalidOperationException("The series was not stored.");
        Assert.Equal((At(monday, 9), false), (series.Start, series.AllDay));

        // Cancel in the scope prompt puts the dragged occurrence back and writes nothing.
        await tab1.DragToDayAsync(onMonday, tuesday);
        await tab1.ChooseScopeAsync("cancel");
        await Expect(tab1.EventOnDay(onMonday, monday)).ToBeVisibleAsync();
        await Expect(tab1.EventOnDay(onMonday, tuesday)).ToHaveCountAsync(0);
        Assert.Equal(series.Version, (await owner.Api.FindAsync(seriesId))!.Version);

        await tab1.DragToDayAsync(onMonday, tuesday);
        await tab1.ChooseScopeAsync("this");

        foreach (var tab in new[] { tab1, tab2 })
        {
            await Expect(tab.EventOnDay(onMonday, tuesday)).ToContainTextAsync("Standup");
            await Expect(tab.EventOnDay(onMonday, monday)).ToHaveCountAsync(0);
            await Expect(tab.EventOnDay(onThursday, thursday)).ToContainTextAsync("Standup");
            await Expect(tab.Occurrences(seriesId)).ToHaveCountAsync(2);
        }

        // The moved occurrence keeps its id (its original start) and has the new time; the others kept theirs.
        var moved = await owner.Api.FindAsync(onMonday) ?? throw new InvalidOperationException("The moved occurrence is gone.");
        Assert.Equal((At(tuesday, 9), At(tuesday, 10)), (moved.Start, moved.End));
        Assert.Equal(At(thursday, 9), (await owner.Api.FindAsync(onThursday))!.Start);
        Assert.Equal(At(monday.AddDays(7), 9), (await owner.Api.FindAsync(OccurrenceId(seriesId, monday.AddDays(7))))!.Start);
    }

    /// <summary>Google's instance id of the 09:00 UTC occurrence on <paramref name="day"/>: series id, "_", the UTC original start.</summary>
    private static string OccurrenceId(string seriesId, DateOnly day) =>
        $"{seriesId}_{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}T090000Z";
}
