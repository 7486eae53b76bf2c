using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using static RealtimeCalendar.EndToEnd.Tests.Reminders.ReminderEvents;

namespace RealtimeCalendar.EndToEnd.Tests.Reminders;

/// <summary>The local cloud as a developer runs it: the schedule on the real clock, every minute. Slow by nature (up to two minutes).</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class RealClockReminderTests(LocalCloudFixture fixture)
{
    [Fact]
    public async Task An_event_two_minutes_ahead_with_a_one_minute_reminder_reaches_two_sockets_within_the_minute_it_is_due()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var first = await RealtimeSession.OpenAsync(fixture, user);
        await using var second = await RealtimeSession.OpenAsync(fixture, user);
        var start = DateTimeOffset.UtcNow.AddMinutes(2);
        var (id, _) = await CreateAsync(http, Body(start, TimeSpan.FromMinutes(30), "Europe/Berlin", [1], "Call with Alex"));
        var due = ReminderSchedule.MinuteOf(start.AddMinutes(-1));

        var arrivals = await Task.WhenAll(new[] { first, second }.Select(async socket =>
        {
            var frame = await socket.NextAsync(m => (string?)m["type"] == "reminder" && (string?)m["eventId"] == id, TimeSpan.FromMinutes(3));
            return (Arrived: DateTimeOffset.UtcNow, Frame: frame);
        }));

        foreach (var (arrived, frame) in arrivals)
        {
            Assert.InRange(arrived, due, due.AddMinutes(1));
            Assert.Equal((1, Iso(start)), ((int)frame["minutesBefore"]!, (string?)frame["occurrenceStart"]));
        }

        Assert.Single(arrivals.Select(a => (string?)a.Frame["reminderId"]).Distinct());
    }
}
