using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.LambdaRuntime;

/// <summary>The functions as the container runs them: separate bootstrap processes fed through the Runtime API.</summary>
public sealed class ProcessModeTests(ProcessModeFixture fixture) : IClassFixture<ProcessModeFixture>
{
    [Fact]
    public async Task A_write_through_bootstrap_processes_reaches_the_socket()
    {
        var cloud = fixture.Cloud;
        const string password = "Pw-process-mode-1a";
        var email = $"process-{Guid.NewGuid():N}@example.com";
        await cloud.Cognito.CreateConfirmedUserAsync(cloud.UserPool.UserPoolId, cloud.UserPool.ClientId, email, password, default);
        var token = (await cloud.SignInAsync(email, password, default)).AccessToken;
        using var http = new HttpClient { BaseAddress = cloud.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await using var socket = await TestSocket.ConnectAsync(cloud.WebSocketUrl, "?token=" + token);

        await socket.SendAsync("""{"action":"ping"}""");
        await socket.NextAsync(m => (string?)m["type"] == "pong");

        using var created = await http.PostAsync("/api/events", Content(Valid("Served by a child process")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var pushed = await socket.NextChangeAsync(id);
        Assert.Equal("Served by a child process", (string?)pushed["event"]!["title"]);

        using var invalid = await http.PostAsync("/api/events", Content("""{"title":42}"""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
    }
}
