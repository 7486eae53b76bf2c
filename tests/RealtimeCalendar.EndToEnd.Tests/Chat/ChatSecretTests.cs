using RealtimeCalendar.StandIns.OpenAI;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static RealtimeCalendar.EndToEnd.Tests.Chat.ChatConversation;
using static RealtimeCalendar.StandIns.OpenAI.ModelSteps;

namespace RealtimeCalendar.EndToEnd.Tests.Chat;

/// <summary>The API key travels only in the Authorization header to the model server: never in a body, URL, response or log.</summary>
[Collection(ChatCloudCollection.Name)]
public sealed class ChatSecretTests(ChatCloudFixture fixture) : ScriptedModelTests(fixture)
{
    [Fact]
    public async Task The_key_is_sent_only_as_the_bearer_token_and_never_appears_in_responses_or_logs()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var day = Day(4);
        Model.Script(
            Call("create_event", $$"""{"title":"Secret-free","start":"{{WallClock(day, 10)}}"}"""),
            Say("Done."),
            // A model server that rejects the key and quotes it back, as some do: it must go no further.
            (_, _) => ScriptedResponse.Error(401, $"Incorrect API key provided: {Fixture.ApiKey}.", "invalid_request_error"));

        var (ok, okBody) = await AskAsync(http, "book something");
        using var status = await http.GetAsync("/api/chat");
        var statusBody = await status.Content.ReadAsStringAsync();
        var (refused, refusedBody) = await AskAsync(http, "again");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("gpt-4o-mini", (string)JsonNode.Parse(statusBody)!["model"]!);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("API key", (string)refusedBody["detail"]!, StringComparison.Ordinal);

        foreach (var request in Model.Received)
        {
            Assert.Equal("Bearer " + Fixture.ApiKey, request.Headers["Authorization"]);
            Assert.DoesNotContain(Fixture.ApiKey, request.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(Fixture.ApiKey, request.PathAndQuery, StringComparison.Ordinal);
            Assert.DoesNotContain(request.Headers, h => h.Key != "Authorization" && h.Value.Contains(Fixture.ApiKey, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(Fixture.ApiKey, okBody.ToJsonString() + statusBody + refusedBody.ToJsonString(), StringComparison.Ordinal);
        Assert.NotEmpty(Fixture.LogLines);
        Assert.DoesNotContain(Fixture.LogLines, line => line.Contains(Fixture.ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(Fixture.LogLines, line => line.Contains(Fixture.ApiKey[..16], StringComparison.Ordinal));
    }
}
