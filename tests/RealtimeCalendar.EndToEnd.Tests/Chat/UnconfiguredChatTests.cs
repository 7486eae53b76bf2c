using System.Net;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using static RealtimeCalendar.EndToEnd.Tests.Chat.ChatConversation;

namespace RealtimeCalendar.EndToEnd.Tests.Chat;

/// <summary>Without an API key the chat says how to configure it instead of failing.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class UnconfiguredChatTests(LocalCloudFixture fixture)
{
    [Fact]
    public async Task Chat_without_an_API_key_answers_503_with_how_to_configure_it()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();

        using var status = await http.GetAsync("/api/chat");
        var (ask, body) = await AskAsync(http, "hi");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status.StatusCode);
        Assert.Equal("application/problem+json", status.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ask.StatusCode);
        Assert.Equal("/problems/chat-unavailable", (string)body["type"]!);
        Assert.Contains("OPENAI_API_KEY", (string)body["detail"]!, StringComparison.Ordinal);
    }
}
