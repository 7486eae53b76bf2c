using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static RealtimeCalendar.EndToEnd.Tests.Chat.ChatConversation;
using static RealtimeCalendar.StandIns.OpenAI.ModelSteps;

namespace RealtimeCalendar.EndToEnd.Tests.Chat;

/// <summary>
/// Every answer a real model can give (refusal, content filter, empty text, parallel tool calls without text) becomes
/// words the user can read and the next question can carry back (issue 15).
/// </summary>
[Collection(ChatCloudCollection.Name)]
public sealed class ChatModelAnswerTests(ChatCloudFixture fixture) : ScriptedModelTests(fixture)
{
    [Fact]
    public async Task A_refusal_is_shown_in_its_words_and_the_next_question_carrying_it_is_answered()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        Model.Script(Refuse("I'm sorry, but I can't help with that."), Say("You have nothing planned today."));

        var (first, refused) = await AskAsync(http, "Write an insult into my calendar");
        var (second, answered) = await AskTurnsAsync(
            http, ("user", "Write an insult into my calendar"), ("assistant", (string)refused["reply"]!), ("user", "What is on today?"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("I'm sorry, but I can't help with that.", (string?)refused["reply"]);
        Assert.True((bool)refused["refused"]!);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("You have nothing planned today.", (string?)answered["reply"]);
        Assert.False((bool)answered["refused"]!);
    }

    [Fact]
    public async Task An_answer_withheld_by_the_content_filter_says_so()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        Model.Script(Filtered());

        var (response, body) = await AskAsync(http, "Something the filter dislikes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("content filter", (string)body["reply"]!, StringComparison.Ordinal);
        Assert.True((bool)body["refused"]!);
    }

    [Fact]
    public async Task An_empty_answer_becomes_a_sentence_instead_of_an_empty_turn()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        Model.Script(SayNothing());

        var (response, body) = await AskAsync(http, "Hello?");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["reply"]));
    }

    [Fact]
    public async Task A_blank_assistant_turn_from_an_older_panel_is_left_out_not_refused()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        Model.Script(Say("Nothing today."));

        var (response, body) = await AskTurnsAsync(http, ("user", "Write an insult"), ("assistant", ""), ("user", "What is on today?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Nothing today.", (string?)body["reply"]);
        var sent = Model.Received.Single().Messages;
        Assert.DoesNotContain(sent, m => (string?)m!["role"] == "assistant");
    }

    [Fact]
    public async Task Parallel_tool_calls_without_text_are_all_run_and_answered()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var day = Day(8);
        Model.Script(
            CallAll(
                ("create_event", $$"""{"title":"Gym","start":"{{WallClock(day, 7)}}"}"""),
                ("create_event", $$"""{"title":"Standup","start":"{{WallClock(day, 9)}}"}""")),
            Say("Added Gym and Standup."));

        var (response, body) = await AskAsync(http, "Gym at 7 and standup at 9");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Gym", "Standup"], body["changes"]!.AsArray().Select(c => (string)c!["title"]!));
        // Both calls were answered, in order, before the model was asked again.
        var second = Model.Received[1].Messages;
        var asked = second.Single(m => m!["tool_calls"] is not null)!["tool_calls"]!.AsArray().Select(c => (string)c!["id"]!).ToList();
        Assert.Equal(2, asked.Count);
        Assert.Equal(asked, second.Where(m => (string?)m!["role"] == "tool").Select(m => (string)m!["tool_call_id"]!));
    }

    private static async Task<(HttpResponseMessage Response, JsonObject Body)> AskTurnsAsync(HttpClient http, params (string Role, string Content)[] turns)
    {
        var response = await http.PostAsJsonAsync("/api/chat", new JsonObject
        {
            ["messages"] = new JsonArray([.. turns.Select(t => (JsonNode)new JsonObject { ["role"] = t.Role, ["content"] = t.Content })]),
            ["timeZone"] = Zone,
        });
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
