using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Functions.GoogleSync;
using RealtimeCalendar.Google.Tests.Fixtures;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.HttpApi;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Google.Tests.Routes;

/// <summary>The google-sync function, invoked with API Gateway's payloads as Lambda would, over the in-test Google server.</summary>
public sealed class GoogleRoutesTests
{
    private static readonly Uri Callback = new("https://calendar.example.com/api/google/callback");
    private static readonly Uri Webhook = new("https://calendar.example.com/api/google/webhook");

    [Fact]
    public async Task Without_configuration_every_route_answers_503_saying_what_to_set()
    {
        using var services = new FunctionServices(
            new FunctionSettings { EventsTable = "e", ConnectionsTable = "c", SessionsTable = "s", RemindersTable = "r" }, NullLoggerFactory.Instance, TimeProvider.System);
        var function = new GoogleSyncFunction(
            services.GoogleUnavailableReason, services.GetGoogleSyncAsync, NullLogger<GoogleSyncFunction>.Instance);

        foreach (var routeKey in new[] { "GET /api/google", "GET /api/google/connect", "POST /api/google/webhook", "GET /api/google/callback" })
        {
            var response = await InvokeAsync(function, Request(routeKey, userId: "user-1"));

            Assert.Equal(503, response.StatusCode);
            var problem = JsonNode.Parse(response.Body!)!;
            Assert.Equal("/problems/google-not-configured", (string?)problem["type"]);
            Assert.Contains(GoogleSettings.ClientIdVariable, (string?)problem["detail"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Configured_settings_without_a_google_client_in_the_build_answer_503_naming_the_reason()
    {
        var settings = new FunctionSettings
        {
            EventsTable = "e",
            ConnectionsTable = "c",
            SessionsTable = "s",
            RemindersTable = "r",
            Google = new GoogleSettings { ClientId = "id", ClientSecret = "secret", RedirectUri = Callback },
        };
        using var services = new FunctionServices(settings, NullLoggerFactory.Instance, TimeProvider.System);

        Assert.Contains("Native-AOT", services.GoogleUnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_then_callback_stores_the_token_and_runs_the_first_sync()
    {
        await using var rig = await GoogleSyncRig.StartAsync(Webhook);
        rig.Google.CreateInGoogle("Standup", new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero));
        var function = CreateFunction(rig, new InMemoryAuthorizationRequestStore());

        var connect = await InvokeAsync(function, Request("GET /api/google/connect", userId: GoogleSyncRig.UserId));
        var authorizationUrl = new Uri((string)JsonNode.Parse(connect.Body!)!["authorizationUrl"]!);
        var query = HttpUtility.ParseQueryString(authorizationUrl.Query);
        // The user consents on Google's page; Google redirects back with a code bound to the PKCE challenge.
        var code = rig.Google.IssueAuthorizationCode(query["code_challenge"]!);
        var callback = await InvokeAsync(function, Request("GET /api/google/callback", query: new() { ["state"] = query["state"]!, ["code"] = code }));
        var status = await InvokeAsync(function, Request("GET /api/google", userId: GoogleSyncRig.UserId));

        Assert.Equal(200, connect.StatusCode);
        Assert.Equal(302, callback.StatusCode);
        Assert.Equal("/?google=connected", callback.Headers!["location"]);
        Assert.NotNull(await rig.Tokens.GetAsync(GoogleSyncRig.UserId, CancellationToken.None));
        Assert.Equal("Standup", rig.LocalEvents().Single().Title);
        var body = JsonNode.Parse(status.Body!)!;
        Assert.True((bool)body["connected"]!);
        Assert.True((bool)body["pushChannel"]!);
        Assert.NotNull((string?)body["lastSyncAt"]);
    }

    [Fact]
    public async Task Callback_with_an_unknown_or_replayed_state_connects_nobody()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var requests = new InMemoryAuthorizationRequestStore();
        var function = CreateFunction(rig, requests);
        var connect = await InvokeAsync(function, Request("GET /api/google/connect", userId: GoogleSyncRig.UserId));
        var query = HttpUtility.ParseQueryString(new Uri((string)JsonNode.Parse(connect.Body!)!["authorizationUrl"]!).Query);
        var code = rig.Google.IssueAuthorizationCode(query["code_challenge"]!);

        var forged = await InvokeAsync(function, Request("GET /api/google/callback", query: new() { ["state"] = "made-up", ["code"] = code }));
        var declined = await InvokeAsync(function, Request("GET /api/google/callback", query: new() { ["state"] = query["state"]!, ["error"] = "access_denied" }));
        var replayed = await InvokeAsync(function, Request("GET /api/google/callback", query: new() { ["state"] = query["state"]!, ["code"] = code }));

        Assert.Equal("/?google=expired", forged.Headers!["location"]);
        Assert.Equal("/?google=declined", declined.Headers!["location"]);
        Assert.Equal("/?google=expired", replayed.Headers!["location"]);
        Assert.Null(await rig.Tokens.GetAsync(GoogleSyncRig.UserId, CancellationToken.None));
    }

    [Fact]
    public async Task Webhook_with_a_wrong_channel_token_is_rejected_and_with_the_right_one_pulls()
    {
        await using var rig = await GoogleSyncRig.StartAsync(Webhook);
        await rig.ConnectAsync();
        var channel = rig.Google.Channels.Single();
        rig.Google.CreateInGoogle("Standup", new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero));
        var function = CreateFunction(rig, new InMemoryAuthorizationRequestStore());

        var wrong = await InvokeAsync(function, Notification(channel.Id, "not-the-token"));
        var afterWrong = rig.LocalEvents().Count;
        var right = await InvokeAsync(function, Notification(channel.Id, channel.Token!));

        Assert.Equal(401, wrong.StatusCode);
        Assert.Equal(0, afterWrong);
        Assert.Equal(204, right.StatusCode);
        Assert.Equal("Standup", rig.LocalEvents().Single().Title);
    }

    [Fact]
    public async Task Signed_in_routes_refuse_requests_without_a_user()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var function = CreateFunction(rig, new InMemoryAuthorizationRequestStore());

        foreach (var routeKey in new[] { "GET /api/google", "GET /api/google/connect", "POST /api/google/sync", "DELETE /api/google" })
            Assert.Equal(401, (await InvokeAsync(function, Request(routeKey))).StatusCode);
    }

    private static GoogleSyncFunction CreateFunction(GoogleSyncRig rig, IGoogleAuthorizationRequestStore requests)
    {
        var connect = new GoogleConnectFlow(rig.Authorization, requests, rig.Sync, rig.Time, NullLogger<GoogleConnectFlow>.Instance);
        var components = new GoogleSyncComponents(rig.Sync, connect, Callback);
        return new GoogleSyncFunction(null, _ => Task.FromResult(components), NullLogger<GoogleSyncFunction>.Instance);
    }

    private static APIGatewayHttpApiV2ProxyRequest Request(string routeKey, string? userId = null, Dictionary<string, string>? query = null, Dictionary<string, string>? headers = null) => new()
    {
        Version = "2.0",
        RouteKey = routeKey,
        RawPath = routeKey.Split(' ')[1],
        QueryStringParameters = query,
        Headers = headers ?? [],
        RequestContext = new()
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Authorizer = userId is null ? null : new() { Jwt = new() { Claims = new() { ["sub"] = userId, ["token_use"] = "access" } } },
        },
    };

    private static APIGatewayHttpApiV2ProxyRequest Notification(string channelId, string token) =>
        Request("POST /api/google/webhook", headers: new()
        {
            ["x-goog-channel-id"] = channelId,
            ["x-goog-channel-token"] = token,
            ["x-goog-resource-state"] = "exists",
            ["x-goog-message-number"] = "2",
        });

    private static async Task<APIGatewayHttpApiV2ProxyResponse> InvokeAsync(GoogleSyncFunction function, APIGatewayHttpApiV2ProxyRequest request)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(request, LambdaContractsJsonContext.Default.APIGatewayHttpApiV2ProxyRequest);
        var answer = await function.InvokeAsync(payload, new LambdaInvocation("req-1", DateTimeOffset.UtcNow.AddSeconds(30), "arn:aws:lambda:test", null), CancellationToken.None);
        return JsonSerializer.Deserialize(Encoding.UTF8.GetString(answer), LambdaContractsJsonContext.Default.APIGatewayHttpApiV2ProxyResponse)!;
    }
}
