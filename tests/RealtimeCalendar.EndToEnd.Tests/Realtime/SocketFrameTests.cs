using RealtimeCalendar.EndToEnd.Tests.Fixtures;

namespace RealtimeCalendar.EndToEnd.Tests.Realtime;

[Collection(LocalCloudCollection.Name)]
public sealed class SocketFrameTests(LocalCloudFixture fixture)
{
    [Fact]
    public async Task A_ping_gets_a_pong()
    {
        await using var tab = await RealtimeSession.OpenAsync(fixture, await fixture.CreateUserAsync());
        await tab.SendAsync("""{"action":"ping"}""");
        await tab.NextAsync(m => (string?)m["type"] == "pong");
    }

    [Theory]
    [InlineData("hello", "invalid-json")]
    [InlineData("""{"action":"dance"}""", "unknown-action")]
    [InlineData("""{"no":"action"}""", "unknown-action")]
    [InlineData("[1,2,3]", "invalid-message")]
    [InlineData("""{"action":""", "invalid-json")]
    public async Task A_malformed_frame_gets_an_error_frame_and_the_socket_stays_usable(string frame, string code)
    {
        await using var tab = await RealtimeSession.OpenAsync(fixture, await fixture.CreateUserAsync());

        await tab.SendAsync(frame);
        var error = await tab.NextAsync(m => (string?)m["type"] == "error");
        Assert.Equal(code, (string?)error["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));

        await tab.SendAsync("""{"action":"ping"}""");
        await tab.NextAsync(m => (string?)m["type"] == "pong");
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, tab.State);
    }
}
