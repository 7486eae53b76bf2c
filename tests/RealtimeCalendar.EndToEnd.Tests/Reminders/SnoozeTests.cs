using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using static RealtimeCalendar.EndToEnd.Tests.Reminders.ReminderEvents;

namespace RealtimeCalendar.EndToEnd.Tests.Reminders;

/// <summary>
/// A snooze ends on the API's clock (the real one), so this test has a local cloud of its own whose schedule clock starts
/// at the real present and stays next to it (the shared one runs days ahead).
/// </summary>
public sealed class SnoozeTests(ReminderCloudFixture fixture) : IClassFixture<ReminderCloudFixture>
{
    [Fact]
    public async Task Snooze_reaches_every_socket_and_the_reminder_fires_again_five_minutes_on_with_the_same_id()
    {
        var start = fixture.Ahead(TimeSpan.FromMinutes(11));
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var first = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        await using var second = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        var (id, _) = await CreateAsync(http, Body(start, TimeSpan.FromHours(1), "UTC", [10]));
        await fixture.TickAsync(start.AddMinutes(-10));
        var reminderId = (string)(await first.NextReminderAsync(id))["reminderId"]!;
        await second.NextReminderAsync(id);

        var before = DateTimeOffset.UtcNow;
        using var snoozed = await http.PostAsync($"/api/reminders/{reminderId}/snooze", content: null);
        Assert.Equal(HttpStatusCode.OK, snoozed.StatusCode);
        var answer = (await snoozed.Content.ReadFromJsonAsync<JsonObject>())!;
        var until = DateTimeOffset.Parse((string)answer["snoozedUntil"]!, CultureInfo.InvariantCulture);
        Assert.Equal(reminderId, (string?)answer["reminderId"]);
        Assert.InRange(until - before, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6.1));
        foreach (var socket in new[] { first, second })
            Assert.Equal((string?)answer["snoozedUntil"], (string?)(await socket.NextAsync(m => (string?)m["type"] == "reminder.snoozed"))["snoozedUntil"]);

        await fixture.TickAsync(until.AddMinutes(-1));
        foreach (var socket in new[] { first, second })
            Assert.Single(await socket.RemindersSoFarAsync());

        await fixture.TickAsync(until);
        foreach (var socket in new[] { first, second })
        {
            var again = await socket.NextReminderAsync(id);
            Assert.Equal(reminderId, (string?)again["reminderId"]);
        }

        Assert.Equal(ReminderState.Shown, (await fixture.Cloud.Services.Reminders.GetAsync(user.UserId, reminderId, default))!.State);
    }
}
