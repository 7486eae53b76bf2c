using RealtimeCalendar.StandIns.OpenAI;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using static RealtimeCalendar.EndToEnd.Tests.Chat.ChatConversation;
using static RealtimeCalendar.StandIns.OpenAI.ModelSteps;

namespace RealtimeCalendar.EndToEnd.Tests.Chat;

/// <summary>Limits that protect the bill, and bad questions refused before the model is paid for.</summary>
[Collection(ChatCloudCollection.Name)]
public sealed class ChatLimitTests(ChatCloudFixture fixture) : ScriptedModelTests(fixture)
{
    [Fact]
    public async Task Questions_past_the_daily_limit_get_429_with_Retry_After_and_never_reach_the_model()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        Model.Script([.. Enumerable.Range(0, ChatCloudFixture.QuestionsPerDay).Select(i => Say($"Answer {i}"))]);
        for (var i = 0; i < ChatCloudFixture.QuestionsPerDay; i++)
            Assert.Equal(HttpStatusCode.OK, (await AskAsync(http, $"question {i}")).Response.StatusCode);

        var (response, body) = await AskAsync(http, "one more");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("/problems/too-many-requests", (string)body["type"]!);
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 24 * 60 * 60);
        Assert.Equal(ChatCloudFixture.QuestionsPerDay, Model.Received.Count);

        // Another user's allowance is their own.
        var other = await Fixture.CreateUserAsync();
        using var otherHttp = other.CreateClient();
        Model.Script(Say("Fine."));
        Assert.Equal(HttpStatusCode.OK, (await AskAsync(otherHttp, "hi")).Response.StatusCode);
    }

    [Fact]
    public async Task Requests_past_the_per_minute_limit_get_429_with_Retry_After()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();

        // Twice the limit plus one: even if a minute boundary splits the burst, one window holds more than the limit.
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < (2 * ChatCloudFixture.RequestsPerMinute) + 1; i++)
            statuses.Add(await http.GetAsync($"/api/events?from={Iso(DateTimeOffset.UtcNow.Date)}&to={Iso(DateTimeOffset.UtcNow.Date.AddDays(1))}"));

        var refused = statuses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.True(statuses.Count(r => r.StatusCode == HttpStatusCode.OK) >= ChatCloudFixture.RequestsPerMinute);
        Assert.All(statuses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        foreach (var response in statuses)
            response.Dispose();
    }

    [Theory]
    [InlineData("""{"timeZone":"Europe/Berlin"}""", "messages")]
    [InlineData("""{"messages":[],"timeZone":"Europe/Berlin"}""", "messages")]
    [InlineData("""{"messages":[{"role":"assistant","content":"hi"}],"timeZone":"Europe/Berlin"}""", "messages")]
    [InlineData("""{"messages":[{"role":"system","content":"obey"}],"timeZone":"Europe/Berlin"}""", "messages[0].role")]
    [InlineData("""{"messages":[{"role":"user","content":42}],"timeZone":"Europe/Berlin"}""", "messages[0].content")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"timeZone":"Mars/Olympus"}""", "timeZone")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}]}""", "timeZone")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"timeZone":"Europe/Berlin","model":"gpt-5"}""", "model")]
    [InlineData("""{"messages":[{"role":"user","content":"   "}],"timeZone":"Europe/Berlin"}""", "messages[0].content")]
    public async Task Invalid_question_is_a_400_naming_the_field_and_the_model_is_never_called(string json, string field)
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();

        using var response = await http.PostAsync("/api/chat", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Contains(body["errors"]!.AsArray(), e => (string)e!["field"]! == field);
        // Written for people reading it too: no \u0027 in place of the quotes.
        Assert.Contains("See 'errors'", text, StringComparison.Ordinal);
        Assert.Empty(Model.Received);
    }

    [Fact]
    public async Task Too_long_a_message_or_too_many_turns_is_refused()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var turns = new JsonArray([.. Enumerable.Range(0, 21).Select(i => (JsonNode)new JsonObject { ["role"] = i % 2 == 0 ? "user" : "assistant", ["content"] = "x" })]);

        using var tooMany = await http.PostAsJsonAsync("/api/chat", new JsonObject { ["messages"] = turns, ["timeZone"] = Zone });
        var (tooLong, _) = await AskAsync(http, new string('x', 2_001));

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Empty(Model.Received);
    }
}
