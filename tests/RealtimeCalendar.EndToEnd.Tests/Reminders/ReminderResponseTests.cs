using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;
using static RealtimeCalendar.EndToEnd.Tests.Reminders.ReminderEvents;

namespace RealtimeCalendar.EndToEnd.Tests.Reminders;

/// <summary>What happens after a reminder fired: dismiss and snooze from one tab reach every tab; a tab that opens late still gets it, within 15 minutes.</summary>
[Collection(ReminderCloudCollection.Name)]
public sealed class ReminderResponseTests(ReminderCloudFixture fixture)
{
    [Fact]
    public async Task Dismiss_in_one_socket_reaches_the_other_and_a_dismissed_reminder_cannot_be_snoozed()
    {
        var start = fixture.Ahead(TimeSpan.FromDays(2)).AddHours(7);
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var first = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        await using var second = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        var (id, _) = await CreateAsync(http, Body(start, TimeSpan.FromHours(1), "Europe/Berlin", [10]));
        await fixture.TickAsync(start.AddMinutes(-10));
        var reminderId = (string)(await first.NextReminderAsync(id))["reminderId"]!;
        await second.NextReminderAsync(id);

        // The tab of the first socket dismisses; the push reaches both.
        using var dismissed = await http.PostAsync($"/api/reminders/{reminderId}/dismiss", content: null);
        Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);
        foreach (var socket in new[] { first, second })
        {
            var frame = await socket.NextAsync(m => (string?)m["type"] == "reminder.dismissed");
            Assert.Equal(reminderId, (string?)frame["reminderId"]);
        }

        using var snoozed = await http.PostAsync($"/api/reminders/{reminderId}/snooze", content: null);
        Assert.Equal(HttpStatusCode.Conflict, snoozed.StatusCode);
        Assert.Equal("/problems/reminder-dismissed", (string?)(await snoozed.Content.ReadFromJsonAsync<JsonObject>())!["type"]);

        // Another user, a malformed id and an unknown one find nothing.
        var other = await fixture.CreateUserAsync();
        using var otherHttp = other.CreateClient();
        foreach (var (client, path) in new[] { (otherHttp, reminderId), (http, "not-a-reminder"), (http, reminderId.Replace(".10", ".11", StringComparison.Ordinal)) })
        {
            using var response = await client.PostAsync($"/api/reminders/{path}/dismiss", content: null);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_reminder_missed_without_a_tab_is_sent_when_one_connects_within_15_minutes_and_dropped_after()
    {
        var start = fixture.Ahead(TimeSpan.FromDays(2)).AddHours(9);
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var (early, _) = await CreateAsync(http, Body(start, TimeSpan.FromHours(1), "UTC", [30], "Caught"));
        var (also, _) = await CreateAsync(http, Body(start, TimeSpan.FromHours(1), "UTC", [29], "Also caught"));

        var run = await fixture.TickAsync(start.AddMinutes(-30));
        Assert.True(run.Report!.Waiting >= 1);
        await fixture.TickAsync(start.AddMinutes(-29));
        var waiting = await fixture.Cloud.Services.Reminders.ListWaitingAsync(user.UserId, start.AddHours(-1), default);
        Assert.Equal(["Also caught", "Caught"], waiting.Select(r => r.Notice.Title).Order(StringComparer.Ordinal));

        // A tab opens; the next sweep, 14 and 13 minutes after they were due, sends both...
        await using var socket = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        await fixture.TickAsync(start.AddMinutes(-16));
        var both = await socket.NextRemindersAsync(early, also);
        Assert.Equal(("Caught", "Also caught"), ((string?)both[early]["title"], (string?)both[also]["title"]));

        // ...while one whose tab opens only when it is 16 minutes late is dropped, never sent.
        var (dropped, _) = await CreateAsync(http, Body(start.AddHours(2), TimeSpan.FromHours(1), "UTC", [10], "Dropped"));
        await socket.CloseAsync();
        await Eventually(async () => (await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default)).Count == 0);
        await fixture.TickAsync(start.AddHours(2).AddMinutes(-10));
        await using var later = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        await fixture.TickAsync(start.AddHours(2).AddMinutes(6));
        Assert.DoesNotContain(await later.RemindersSoFarAsync(), m => (string?)m["eventId"] == dropped);
        var record = await fixture.Cloud.Services.Reminders.GetAsync(user.UserId, ReminderIds.For(dropped, start.AddHours(2), 10), default);
        Assert.Equal(ReminderState.Missed, record!.State);
    }

    [Fact]
    public async Task Default_reminders_start_at_ten_minutes_and_saving_new_ones_moves_the_events_that_use_them()
    {
        var start = fixture.Ahead(TimeSpan.FromDays(2)).AddHours(11);
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var socket = await RealtimeSession.OpenAsync(fixture.Cloud, user);

        var initial = (await http.GetFromJsonAsync<JsonObject>("/api/settings/reminders"))!;
        Assert.Equal("""{"defaultReminders":[{"method":"popup","minutes":10}]}""", initial.ToJsonString());
        var (onDefaults, _) = await CreateAsync(http, Body(start, TimeSpan.FromHours(1), "UTC", minutes: null, "On defaults"));
        var (own, _) = await CreateAsync(http, Body(start, TimeSpan.FromHours(1), "UTC", [10], "Own"));

        using var saved = await http.PutAsync("/api/settings/reminders", Content("""{"defaultReminders":[{"method":"popup","minutes":30},{"minutes":0}]}"""));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("""{"defaultReminders":[{"method":"popup","minutes":30},{"method":"popup","minutes":0}]}""", (await saved.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString());

        await fixture.TickAsync(start.AddMinutes(-30));
        Assert.Equal(30, (int)(await socket.NextReminderAsync(onDefaults))["minutesBefore"]!);
        await fixture.TickAsync(start.AddMinutes(-10));
        Assert.Equal(10, (int)(await socket.NextReminderAsync(own))["minutesBefore"]!);
        Assert.DoesNotContain(await socket.RemindersSoFarAsync(), m => (string?)m["eventId"] == onDefaults && (int)m["minutesBefore"]! == 10);

        var read = (await http.GetFromJsonAsync<JsonObject>($"/api/events/{onDefaults}"))!;
        Assert.Equal("""{"useDefault":true}""", read["reminders"]!.ToJsonString());
        Assert.Equal("""{"useDefault":false,"overrides":[{"method":"popup","minutes":10}]}""", (await http.GetFromJsonAsync<JsonObject>($"/api/events/{own}"))!["reminders"]!.ToJsonString());
    }

    [Fact]
    public async Task Bad_reminders_are_refused_naming_each_entry_and_nothing_is_stored()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var body = Body(fixture.Ahead(TimeSpan.FromDays(3)), TimeSpan.FromHours(1), "UTC", minutes: null);
        body["reminders"] = JsonNode.Parse("""{"useDefault":false,"overrides":[{"method":"popup","minutes":10},{"method":"email","minutes":50000},{"minutes":"ten"},{"minutes":10},{"minutes":1,"at":"x"}]}""");

        using var refused = await http.PostAsync("/api/events", Content(body));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var fields = (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray().Select(e => (string?)e!["field"]).ToList();
        Assert.Equal(["reminders.overrides[2].minutes", "reminders.overrides[4].at"], fields);

        body["reminders"] = JsonNode.Parse("""{"useDefault":false,"overrides":[{"method":"popup","minutes":10},{"method":"email","minutes":50000},{"minutes":10}]}""");
        using var invalid = await http.PostAsync("/api/events", Content(body));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        fields = (await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray().Select(e => (string?)e!["field"]).ToList();
        Assert.Equal(["reminders.overrides[1].method", "reminders.overrides[1].minutes", "reminders.overrides[2].minutes"], fields);

        using var settings = await http.PutAsync("/api/settings/reminders", Content("""{"defaultReminders":[{"minutes":-1},{"method":"sms","minutes":5},{"minutes":1},{"minutes":2},{"minutes":3},{"minutes":4}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, settings.StatusCode);
        fields = (await settings.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray().Select(e => (string?)e!["field"]).ToList();
        Assert.Equal(["defaultReminders", "defaultReminders[0].minutes", "defaultReminders[1].method"], fields);

        using var listed = await http.GetAsync($"/api/events?from={Iso(fixture.Ahead(TimeSpan.FromDays(2)))}&to={Iso(fixture.Ahead(TimeSpan.FromDays(5)))}");
        Assert.Empty((await listed.Content.ReadFromJsonAsync<JsonObject>())!["events"]!.AsArray());
        Assert.Equal([10], (await fixture.Cloud.Services.ReminderSettings.GetAsync(user.UserId, default)).Minutes);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 15 s.");
            await Task.Delay(50);
        }
    }
}
