using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using static RealtimeCalendar.EndToEnd.Tests.Chat.ChatConversation;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;
using static RealtimeCalendar.StandIns.OpenAI.ModelSteps;

namespace RealtimeCalendar.EndToEnd.Tests.LambdaRuntime;

/// <summary>
/// The product as Lambda runs it: every function a bootstrap process in the Lambda sandbox (no zone database, read-only
/// code, Lambda's variables only, its memory), fed through the Runtime API. The Google part of the journey runs as
/// google-bootstrap processes in <see cref="GoogleSync.GoogleSyncInProcessModeTests"/>.
/// </summary>
public sealed class ProcessModeTests(ProcessModeFixture fixture) : IClassFixture<ProcessModeFixture>
{
    [Fact]
    public async Task Sign_in_create_in_berlin_push_to_two_tabs_update_with_if_match_delete_and_chat()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var first = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        await using var second = await TestSocket.ConnectAsync(fixture.Cloud.WebSocketUrl, "?token=" + user.AccessToken);
        await second.SendAsync("""{"action":"ping"}""");
        await second.NextAsync(m => (string?)m["type"] == "pong");

        // Create in the browser's zone: the functions have no zone database, the product carries its own.
        var body = Valid("Served by a sandboxed process");
        body["timeZone"] = "Europe/Berlin";
        using var created = await http.PostAsync("/api/events", Content(body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        foreach (var tab in new[] { first, second })
        {
            var pushed = await tab.NextChangeAsync(id);
            Assert.Equal(("upsert", 1L, "Europe/Berlin"), ((string?)pushed["op"], (long)pushed["version"]!, (string?)pushed["event"]!["timeZone"]));
        }

        // Update with If-Match; a stale tab's write is refused.
        using var updated = await SendAsync(http, HttpMethod.Put, created.Headers.Location!, Valid("Moved"), "\"1\"");
        using var stale = await SendAsync(http, HttpMethod.Put, created.Headers.Location!, Valid("From a stale tab"), "\"1\"");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.PreconditionFailed), (updated.StatusCode, stale.StatusCode));
        foreach (var tab in new[] { first, second })
        {
            var pushed = await tab.NextAsync(m => (string?)m["eventId"] == id && (long?)m["version"] == 2);
            Assert.Equal("Moved", (string?)pushed["event"]!["title"]);
        }

        using var deleted = await SendAsync(http, HttpMethod.Delete, created.Headers.Location!, body: null, "\"2\"");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        foreach (var tab in new[] { first, second })
        {
            var pushed = await tab.NextAsync(m => (string?)m["eventId"] == id && (string?)m["op"] == "delete");
            Assert.Null(pushed["event"]);
        }

        // Chat: the key reaches the chat function's environment, the model's tool call becomes a write that is pushed.
        fixture.Model.Reset();
        var day = Day(7);
        fixture.Model.Script(
            Call("create_event", $$"""{"title":"Lunch with Sam","start":"{{WallClock(day, 12)}}","end":"{{WallClock(day, 13)}}"}"""),
            Say("Booked."));
        var (chat, reply) = await AskAsync(http, "Lunch with Sam next week at noon");
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        var change = reply["changes"]!.AsArray().Single()!;
        Assert.Equal(Iso(BerlinInstant(day, 12)), (string?)change["start"]);
        var fromChat = await first.NextChangeAsync((string)change["eventId"]!);
        Assert.Equal("Lunch with Sam", (string?)fromChat["event"]!["title"]);
        Assert.Equal(0, fixture.Model.Pending);

        using var invalid = await http.PostAsync("/api/events", Content("""{"title":42}"""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_reminder_is_swept_by_the_bootstrap_process_at_its_minute_and_dismissed_across_sockets()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var first = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        await using var second = await RealtimeSession.OpenAsync(fixture.Cloud, user);
        var start = ReminderSchedule.MinuteOf(fixture.ReminderClock.GetUtcNow()).AddMinutes(45);
        var (id, _) = await Reminders.ReminderEvents.CreateAsync(http, Reminders.ReminderEvents.Body(start, TimeSpan.FromHours(1), "Europe/Berlin", [30]));

        // The schedule invokes the reminders function, a bootstrap process in the Lambda sandbox, with the Scheduler's event.
        fixture.ReminderClock.SetUtcNow(start.AddMinutes(-30));
        var run = await fixture.Cloud.ReminderSchedule.WaitForRunAsync(start.AddMinutes(-30), TimeSpan.FromSeconds(60));
        Assert.Null(run.Error);
        Assert.True(run.Report!.Sent >= 1);
        var frame = await first.NextAsync(m => (string?)m["type"] == "reminder" && (string?)m["eventId"] == id);
        await second.NextAsync(m => (string?)m["type"] == "reminder" && (string?)m["eventId"] == id);

        using var dismissed = await http.PostAsync($"/api/reminders/{frame["reminderId"]}/dismiss", content: null);
        Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);
        foreach (var socket in new[] { first, second })
            Assert.Equal((string?)frame["reminderId"], (string?)(await socket.NextAsync(m => (string?)m["type"] == "reminder.dismissed"))["reminderId"]);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, Uri location, JsonObject? body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, location) { Content = body is null ? null : Content(body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return http.SendAsync(request);
    }
}
