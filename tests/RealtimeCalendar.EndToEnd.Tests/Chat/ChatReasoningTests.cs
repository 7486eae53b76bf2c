using RealtimeCalendar.StandIns.OpenAI;
using System.Net;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using static RealtimeCalendar.EndToEnd.Tests.Chat.ChatConversation;
using static RealtimeCalendar.StandIns.OpenAI.ModelSteps;

namespace RealtimeCalendar.EndToEnd.Tests.Chat;

/// <summary>Questions answered from the calendar, bad tool calls refused to the model, and a looping model stopped.</summary>
[Collection(ChatCloudCollection.Name)]
public sealed class ChatReasoningTests(ChatCloudFixture fixture) : ScriptedModelTests(fixture)
{
    [Fact]
    public async Task Question_is_answered_from_list_events_in_local_time_without_changing_anything()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var day = Day(5);
        await CreateEventAsync(http, "Standup", BerlinInstant(day, 9), BerlinInstant(day, 9, 15));
        await CreateEventAsync(http, "Review", BerlinInstant(day, 14), BerlinInstant(day, 15));
        await CreateEventAsync(http, "Next day", BerlinInstant(day.AddDays(1), 9), BerlinInstant(day.AddDays(1), 10));
        Model.Script(
            Call("list_events", $$"""{"from":"{{day:yyyy-MM-dd}}","to":"{{day:yyyy-MM-dd}}"}"""),
            Say(request => "You have " + string.Join(" and ", LastToolResult(request)["events"]!.AsArray().Select(e => $"{(string)e!["title"]!} at {((string)e["start"]!)[11..16]}"))));

        var (response, body) = await AskAsync(http, "what do I have that day?");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("You have Standup at 09:00 and Review at 14:00", (string)body["reply"]!);
        Assert.Empty(body["changes"]!.AsArray());
        var listed = LastToolResult(Model.Received[1].Json)["events"]!.AsArray();
        Assert.All(listed, e => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[+-]\d{2}:\d{2}$", (string)e!["start"]!));
    }

    [Fact]
    public async Task Invalid_tool_arguments_are_answered_to_the_model_and_change_nothing()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var tab = await RealtimeSession.OpenAsync(Fixture.Cloud, user);
        var day = Day(6);
        Model.Script(
            Call("create_event", """{"title":"Lunch","start":"next tuesday-ish"}"""),
            Call("create_event", """{"title":42,"start":"2026-13-45T25:00"}"""),
            Call("create_event", $$"""{"title":"Lunch","start":"{{WallClock(day, 13)}}","end":"{{WallClock(day, 12)}}"}"""),
            Call("update_event", """{"eventId":"../../etc/passwd","title":"x"}"""),
            Say("Which day and time should lunch be?"));

        var (response, body) = await AskAsync(http, "lunch sometime");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Which day and time should lunch be?", (string)body["reply"]!);
        Assert.Empty(body["changes"]!.AsArray());
        var results = Model.Received.Skip(1).Select(r => LastToolResult(r.Json)).ToList();
        Assert.Equal("start", (string)results[0]["fields"]![0]!["field"]!);
        Assert.Contains("JSON", (string)results[1]["error"]!, StringComparison.Ordinal);
        Assert.Equal("end", (string)results[2]["fields"]![0]!["field"]!);
        Assert.Contains("no event with id", (string)results[3]["error"]!, StringComparison.Ordinal);
        Assert.All(results, r => Assert.NotNull(r["error"]));
        Assert.Empty(await ListAsync(http, Day(-1), Day(30)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(tab.Received, m => (string?)m["type"] == "event.changed");
    }

    [Fact]
    public async Task A_model_that_keeps_calling_tools_is_stopped_at_the_round_limit()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var day = Day(3);
        var loop = Call("list_events", $$"""{"from":"{{day:yyyy-MM-dd}}","to":"{{day:yyyy-MM-dd}}"}""");
        Model.Script([.. Enumerable.Repeat(loop, 6)]);

        var (response, body) = await AskAsync(http, "keep looking");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)body["stoppedAtRoundLimit"]!);
        Assert.Contains("stopped", (string)body["reply"]!, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", (string)body["reply"]!, StringComparison.Ordinal);
        Assert.Equal(6, Model.Received.Count);
    }
}
