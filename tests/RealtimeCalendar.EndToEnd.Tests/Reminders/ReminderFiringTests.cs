using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using static RealtimeCalendar.EndToEnd.Tests.Reminders.ReminderEvents;

namespace RealtimeCalendar.EndToEnd.Tests.Reminders;

/// <summary>
/// Reminders fire at their minute of the (fake) schedule clock through the whole local cloud: HTTP API, Events table,
/// due index, the schedule invoking the <c>reminders</c> function with the Scheduler's event, the Management API, sockets.
/// </summary>
[Collection(ReminderCloudCollection.Name)]
public sealed class ReminderFiringTests(ReminderCloudFixture fixture)
{
    [Fact]
    public async Task A_reminder_ten_minutes_before_a_berlin_event_fires_at_that_minute_on_both_sides_of_a_dst_change()
    {
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        // The next change of Berlin's offset a week or more ahead: a weekly 09:00 series the Sunday before it and the Sunday of it.
        var change = berlin.GetZoneInterval(Instant.FromDateTimeOffset(fixture.Ahead(TimeSpan.FromDays(8)))).End;
        var changeDay = change.InZone(berlin).Date;
        var first = berlin.AtStrictly(changeDay.PlusDays(-7) + new LocalTime(9, 0)).ToDateTimeOffset();
        var second = berlin.AtStrictly(changeDay + new LocalTime(9, 0)).ToDateTimeOffset();
        Assert.NotEqual(TimeSpan.FromDays(7), second - first);

        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var socket = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        var (seriesId, _) = await CreateAsync(http, Body(first, TimeSpan.FromHours(1), "Europe/Berlin", [10], "Stand-up", ["RRULE:FREQ=WEEKLY;COUNT=2"]));

        foreach (var start in new[] { first, second })
        {
            var due = start.AddMinutes(-10);
            await fixture.TickAsync(due.AddMinutes(-1));
            Assert.DoesNotContain(await socket.RemindersSoFarAsync(), m => (string?)m["occurrenceStart"] == Iso(start));

            await fixture.TickAsync(due);
            var frame = await socket.NextReminderAsync();
            Assert.Equal(
                (EventIds.Instance(seriesId, start, false), Iso(start), "Stand-up", Iso(first), 10),
                ((string?)frame["eventId"], (string?)frame["occurrenceStart"], (string?)frame["title"], (string?)frame["start"], (int)frame["minutesBefore"]!));
            Assert.Equal($"{frame["eventId"]}.{start.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.10", (string?)frame["reminderId"]);
            Assert.Equal(
                ["type", "eventId", "occurrenceStart", "title", "start", "minutesBefore", "reminderId"],
                frame.Select(p => p.Key));
        }
    }

    [Fact]
    public async Task A_weekly_series_reminds_on_each_occurrence_and_not_on_an_exdate()
    {
        var first = fixture.Ahead(TimeSpan.FromDays(2)).AddHours(1);
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var socket = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        var skipped = first.AddDays(7);
        var (seriesId, _) = await CreateAsync(http, Body(
            first, TimeSpan.FromMinutes(30), "UTC", [5], "Gym", ["RRULE:FREQ=WEEKLY;COUNT=3", $"EXDATE:{skipped.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}"]));

        await fixture.TickAsync(first.AddMinutes(-5));
        Assert.Equal(EventIds.Instance(seriesId, first, false), (string?)(await socket.NextReminderAsync())["eventId"]);

        await fixture.TickAsync(skipped.AddMinutes(-5));
        Assert.Single(await socket.RemindersSoFarAsync());

        var third = first.AddDays(14);
        await fixture.TickAsync(third.AddMinutes(-5));
        Assert.Equal(EventIds.Instance(seriesId, third, false), (string?)(await socket.NextReminderAsync())["eventId"]);
        Assert.Equal(2, (await socket.RemindersSoFarAsync()).Count);
    }

    [Fact]
    public async Task An_edit_moves_the_pending_reminder_and_a_delete_or_a_skipped_occurrence_cancels_it()
    {
        var start = fixture.Ahead(TimeSpan.FromDays(2)).AddHours(3);
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var socket = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        var (moved, movedVersion) = await CreateAsync(http, Body(start, TimeSpan.FromHours(1), "Europe/Berlin", [15], "Moved"));
        var (deleted, deletedVersion) = await CreateAsync(http, Body(start, TimeSpan.FromHours(1), "Europe/Berlin", [20], "Deleted"));
        var (series, seriesVersion) = await CreateAsync(http, Body(start, TimeSpan.FromHours(1), "UTC", [25], "Daily", ["RRULE:FREQ=DAILY;COUNT=2"]));

        using (var edit = await SendAsync(http, HttpMethod.Put, $"/api/events/{moved}", Body(start.AddHours(1), TimeSpan.FromHours(1), "Europe/Berlin", [15], "Moved"), movedVersion))
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        using (var delete = await SendAsync(http, HttpMethod.Delete, $"/api/events/{deleted}", null, deletedVersion))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using (var skip = await SendAsync(http, HttpMethod.Delete, $"/api/events/{EventIds.Instance(series, start, false)}?scope=this", null, seriesVersion))
            Assert.Equal(HttpStatusCode.NoContent, skip.StatusCode);

        foreach (var minutes in new[] { 25, 20, 15 })
            await fixture.TickAsync(start.AddMinutes(-minutes));
        Assert.Empty(await socket.RemindersSoFarAsync());

        await fixture.TickAsync(start.AddHours(1).AddMinutes(-15));
        var frame = await socket.NextReminderAsync(moved);
        Assert.Equal((Iso(start.AddHours(1)), 15), ((string?)frame["occurrenceStart"], (int)frame["minutesBefore"]!));

        await fixture.TickAsync(start.AddDays(1).AddMinutes(-25));
        Assert.Equal(EventIds.Instance(series, start.AddDays(1), false), (string?)(await socket.NextReminderAsync(EventIds.Instance(series, start.AddDays(1), false)))["eventId"]);
        Assert.Equal(2, (await socket.RemindersSoFarAsync()).Count);
    }

    [Fact]
    public async Task An_occurrence_edited_on_its_own_reminds_by_its_own_reminders_and_a_split_series_by_the_new_ones()
    {
        var first = fixture.Ahead(TimeSpan.FromDays(2)).AddHours(4);
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var socket = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        var (series, version) = await CreateAsync(http, Body(first, TimeSpan.FromHours(1), "UTC", [10], "Daily", ["RRULE:FREQ=DAILY;COUNT=4"]));

        // Day 2 (scope=this) reminds 45 minutes before instead; from day 3 on (scope=following) 20 minutes before.
        var second = first.AddDays(1);
        var secondId = EventIds.Instance(series, second, false);
        using (var own = await SendAsync(http, HttpMethod.Put, $"/api/events/{secondId}?scope=this", Body(second, TimeSpan.FromHours(1), "UTC", [45], "Daily"), version))
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var third = first.AddDays(2);
        using (var split = await SendAsync(http, HttpMethod.Put, $"/api/events/{EventIds.Instance(series, third, false)}?scope=following", Body(third, TimeSpan.FromHours(1), "UTC", [20], "Daily"), version + 1))
            Assert.Equal(HttpStatusCode.OK, split.StatusCode);

        await fixture.TickAsync(first.AddMinutes(-10));
        Assert.Equal(10, (int)(await socket.NextReminderAsync())["minutesBefore"]!);
        await fixture.TickAsync(second.AddMinutes(-45));
        var overridden = await socket.NextReminderAsync();
        Assert.Equal((secondId, 45), ((string?)overridden["eventId"], (int)overridden["minutesBefore"]!));
        await fixture.TickAsync(second.AddMinutes(-10));
        await fixture.TickAsync(third.AddMinutes(-20));
        Assert.Equal(20, (int)(await socket.NextReminderAsync())["minutesBefore"]!);
        await fixture.TickAsync(third.AddMinutes(-10));
        Assert.Equal(3, (await socket.RemindersSoFarAsync()).Count);
    }

    [Fact]
    public async Task A_retried_sweep_sends_nothing_again_and_a_failed_post_is_resent_with_the_same_id()
    {
        var start = fixture.Ahead(TimeSpan.FromDays(2)).AddHours(5);
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var first = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        await using var second = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        var (once, _) = await CreateAsync(http, Body(start, TimeSpan.FromHours(1), "UTC", [10], "Once"));
        var (resent, _) = await CreateAsync(http, Body(start, TimeSpan.FromHours(1), "UTC", [9], "Resent"));

        // The Scheduler retrying the same minute (attempt 2) finds the reminder claimed: nothing goes out twice.
        var due = start.AddMinutes(-10);
        var run = await fixture.TickAsync(due);
        foreach (var socket in new[] { first, second })
            await socket.NextReminderAsync(once);
        var retry = await fixture.RetryAsync(due);
        Assert.Equal((0, 0), (retry.Report!.Sent, retry.Report.Failed));
        Assert.True(run.Report!.Sent >= 1);
        foreach (var socket in new[] { first, second })
            Assert.Single(await socket.RemindersSoFarAsync());

        // A post that keeps failing past the fan-out's retries leaves the reminder claimed; the next minute sends it again.
        var connections = await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default);
        var failing = connections[0].ConnectionId;
        fixture.Cloud.ManagementApiFaults.FailNextPosts(failing, count: 4, statusCode: 500);
        var failed = await fixture.TickAsync(start.AddMinutes(-9));
        Assert.True(failed.Report!.Failed >= 1);
        await fixture.TickAsync(start.AddMinutes(-8));

        var frames = new List<JsonObject>();
        foreach (var socket in new[] { first, second })
        {
            await socket.NextReminderAsync(resent);
            frames.AddRange((await socket.RemindersSoFarAsync()).Where(m => (string?)m["eventId"] == resent));
        }

        Assert.Equal(3, frames.Count);
        Assert.Single(frames.Select(f => (string?)f["reminderId"]).Distinct());
        var record = await fixture.Cloud.Services.Reminders.GetAsync(user.UserId, (string)frames[0]["reminderId"]!, default);
        Assert.Equal(Core.Reminders.ReminderState.Shown, record!.State);
    }
}
