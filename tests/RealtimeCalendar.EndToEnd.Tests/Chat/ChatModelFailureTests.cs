using RealtimeCalendar.StandIns.OpenAI;
using System.Net;
using static RealtimeCalendar.EndToEnd.Tests.Chat.ChatConversation;
using static RealtimeCalendar.StandIns.OpenAI.ModelSteps;

namespace RealtimeCalendar.EndToEnd.Tests.Chat;

/// <summary>A throttled, failing or slow model is retried with backoff; when it stays down the user gets a clear 503.</summary>
[Collection(ChatCloudCollection.Name)]
public sealed class ChatModelFailureTests(ChatCloudFixture fixture) : ScriptedModelTests(fixture)
{
    [Fact]
    public async Task Throttled_model_is_retried_after_its_Retry_After_and_then_answers()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        Model.Script(Fail(429, retryAfter: "1"), Say("Hello!"));

        var (response, body) = await AskAsync(http, "hi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello!", (string)body["reply"]!);
        var received = Model.Received;
        Assert.Equal(2, received.Count);
        Assert.True(received[1].At - received[0].At >= TimeSpan.FromSeconds(0.9), "The retry came before the server's Retry-After.");
    }

    [Fact]
    public async Task Model_that_stays_throttled_gives_a_503_with_Retry_After()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        Model.Script(Fail(429, "1"), Fail(429, "1"), Fail(429, "2"));

        var (response, body) = await AskAsync(http, "hi");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("/problems/chat-model-unavailable", (string)body["type"]!);
        Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(3, Model.Received.Count);
    }

    [Fact]
    public async Task Server_error_is_retried_and_then_answers()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        Model.Script(Fail(500), Fail(503), Say("Recovered."));

        var (response, body) = await AskAsync(http, "hi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Recovered.", (string)body["reply"]!);
    }

    [Fact]
    public async Task A_call_that_times_out_is_abandoned_and_retried()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        Model.Script(Slow(ChatCloudFixture.AttemptTimeout * 3, Say("Too late.")), Say("On time."));

        var (response, body) = await AskAsync(http, "hi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("On time.", (string)body["reply"]!);
        Assert.Equal(2, Model.Received.Count);
    }

    [Fact]
    public async Task A_model_that_never_answers_in_time_gives_a_503_that_says_so()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var slow = Slow(ChatCloudFixture.AttemptTimeout * 3, Say("Too late."));
        Model.Script(slow, slow, slow);

        var (response, body) = await AskAsync(http, "hi");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("/problems/chat-model-unavailable", (string)body["type"]!);
        Assert.Contains("did not answer", (string)body["detail"]!, StringComparison.Ordinal);
    }
}
