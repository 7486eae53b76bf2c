using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using static RealtimeCalendar.EndToEnd.Tests.Chat.ChatConversation;
using static RealtimeCalendar.StandIns.OpenAI.ModelSteps;

namespace RealtimeCalendar.EndToEnd.Tests.Chat;

/// <summary>
/// "Remind me 10 minutes before" through the chat: the model's tool call (scripted as a real model sends it) gives the
/// event its own reminder, the HTTP API shows it in Google Calendar's shape, and the reminder fires on the user's socket.
/// </summary>
[Collection(ChatCloudCollection.Name)]
public sealed class ChatReminderTests(ChatCloudFixture fixture) : ScriptedModelTests(fixture)
{
    [Fact]
    public async Task Remind_me_10_minutes_before_gives_the_event_its_own_reminder_which_fires_on_the_socket()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var tab = await RealtimeSession.OpenAsync(Fixture.Cloud, user);
        // Starts 11 minutes after the next whole minute, in the user's zone: the reminder is due at that minute plus one.
        var due = ReminderSchedule.MinuteOf(DateTimeOffset.UtcNow).AddMinutes(2);
        var start = due.AddMinutes(10);
        var local = start.ToOffset(BerlinZone.GetUtcOffset(NodaTime.Instant.FromDateTimeOffset(start)).ToTimeSpan());
        Model.Script(
            Call("create_event", $$$"""{"title":"Call with Sam","start":"{{{local:yyyy-MM-dd'T'HH:mm}}}","reminders":{"useDefault":false,"overrides":[{"method":"popup","minutes":10}]}}"""),
            Say(request => "I'll remind you " + (int)LastToolResult(request)["event"]!["reminders"]!["overrides"]![0]!["minutes"]! + " minutes before."));

        var (response, body) = await AskAsync(http, "Call with Sam in 12 minutes, remind me 10 minutes before");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("I'll remind you 10 minutes before.", (string)body["reply"]!);
        var eventId = (string)body["changes"]![0]!["eventId"]!;
        var stored = (await http.GetFromJsonAsync<JsonObject>($"/api/events/{eventId}"))!;
        Assert.Equal("""{"useDefault":false,"overrides":[{"method":"popup","minutes":10}]}""", stored["reminders"]!.ToJsonString());
        Assert.Equal(Iso(start), (string)stored["start"]!);

        // The model was offered reminders on both writing tools.
        var tools = Model.Received[0].Json["tools"]!.AsArray().ToDictionary(t => (string)t!["function"]!["name"]!, t => t!["function"]!["parameters"]!["properties"]!.AsObject());
        Assert.True(tools["create_event"].ContainsKey("reminders") && tools["update_event"].ContainsKey("reminders"));

        // The schedule's invocation for the due minute sends it to the open socket.
        var run = await Fixture.Cloud.ReminderSchedule.RunAsync(due, attemptNumber: 1, CancellationToken.None);
        Assert.Null(run.Error);
        var frame = await tab.NextAsync(f => (string?)f["type"] == "reminder" && (string?)f["eventId"] == eventId);
        Assert.Equal(("Call with Sam", 10, Iso(start)), ((string)frame["title"]!, (int)frame["minutesBefore"]!, (string)frame["start"]!));
    }

    [Fact]
    public async Task A_reminder_the_calendar_refuses_is_answered_naming_the_entry_and_creates_nothing()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var day = Day(3);
        Model.Script(
            Call("create_event", $$$"""{"title":"Flight","start":"{{{WallClock(day, 9)}}}","reminders":{"useDefault":false,"overrides":[{"method":"popup","minutes":50000}]}}"""),
            Say(request => "Refused: " + (string)LastToolResult(request)["fields"]![0]!["field"]!));

        var (response, body) = await AskAsync(http, "Flight on that day at 9, remind me five weeks before");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Refused: reminders.overrides[0].minutes", (string)body["reply"]!);
        Assert.Empty(body["changes"]!.AsArray());
        Assert.Empty(await ListAsync(http, day, day.AddDays(1)));
    }
}
