using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using static RealtimeCalendar.EndToEnd.Tests.Reminders.ReminderEvents;

namespace RealtimeCalendar.EndToEnd.Tests.LambdaRuntime;

/// <summary>
/// The sweep as the image runs it: the Native AOT <c>bootstrap</c> as the <c>reminders</c> function in the Lambda sandbox
/// (no zone database), reading the Scheduler's event and writing frames with source-generated JSON only. An all-day
/// Berlin event reminds before 00:00 Berlin, which only the product's own zone data can tell.
/// </summary>
public sealed class PublishedBootstrapReminderTests(PublishedBootstrapFixture fixture) : IClassFixture<PublishedBootstrapFixture>
{
    [Fact]
    public async Task The_aot_bootstrap_sweeps_an_all_day_berlin_reminder_at_the_start_of_its_day_in_berlin()
    {
        var user = await TestUser.CreateAsync(fixture.Cloud);
        using var http = user.CreateClient();
        await using var socket = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        var day = ReminderSchedule.MinuteOf(fixture.ReminderClock.GetUtcNow()).UtcDateTime.Date.AddDays(3);
        var body = Body(new DateTimeOffset(day, TimeSpan.Zero), TimeSpan.FromDays(1), "Europe/Berlin", [60], "Holiday");
        body["allDay"] = true;
        var (id, _) = await CreateAsync(http, body);

        // 00:00 in Berlin is 23:00 UTC (winter) or 22:00 UTC (summer) the evening before; an hour before that.
        var berlinMidnight = NodaTime.DateTimeZoneProviders.Tzdb["Europe/Berlin"].AtStartOfDay(NodaTime.LocalDate.FromDateTime(day)).ToDateTimeOffset();
        var due = berlinMidnight.AddMinutes(-60);
        fixture.ReminderClock.SetUtcNow(due);
        var run = await fixture.Cloud.ReminderSchedule.WaitForRunAsync(due, TimeSpan.FromSeconds(90));

        Assert.Null(run.Error);
        var frame = await socket.NextReminderAsync(id);
        Assert.Equal(("Holiday", 60, Iso(new DateTimeOffset(day, TimeSpan.Zero))), ((string?)frame["title"], (int)frame["minutesBefore"]!, (string?)frame["occurrenceStart"]));
        Assert.True(run.Report!.Sent >= 1);
    }
}
