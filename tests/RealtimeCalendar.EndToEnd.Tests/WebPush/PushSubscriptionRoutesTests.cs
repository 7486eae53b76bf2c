using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Aws.Parameters;
using RealtimeCalendar.Aws.Push;
using RealtimeCalendar.Core.Push;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.StandIns.WebPush;
using RealtimeCalendar.WebPush;

namespace RealtimeCalendar.EndToEnd.Tests.WebPush;

/// <summary>
/// <c>POST</c>/<c>DELETE /api/push/subscriptions</c> through the local cloud's HTTP API (JWT authorizer, the
/// push-subscriptions function, DynamoDB Local), with subscriptions a browser would make at the push-service stand-in
/// with the key config.json hands out.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class PushSubscriptionRoutesTests(LocalCloudFixture fixture) : IAsyncLifetime
{
    private const string Route = "/api/push/subscriptions";

    private TestUser user = null!;
    private HttpClient http = null!;
    private PushServiceServer pushService = null!;
    private string publicKey = null!;

    public async Task InitializeAsync()
    {
        user = await fixture.CreateUserAsync();
        http = user.CreateClient();
        pushService = await PushServiceServer.StartAsync();
        using var anonymous = fixture.CreateAnonymousClient();
        publicKey = (string)JsonNode.Parse(await anonymous.GetStringAsync("/config.json"))!["vapidPublicKey"]!;
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await pushService.DisposeAsync();
    }

    [Fact]
    public void Config_json_hands_out_the_local_clouds_own_vapid_public_key()
    {
        Assert.Equal(fixture.Cloud.Services.Settings.WebPush!.PublicKey, publicKey);
        Assert.Null(PushSubscriptionValidator.PublicKeyProblem(publicKey));
    }

    [Fact]
    public async Task A_browsers_subscription_is_stored_once_replaced_when_sent_again_and_removed_by_endpoint()
    {
        var browser = pushService.Subscribe(publicKey);

        using var created = await PostAsync(browser.ToJson());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.Equal(browser.Endpoint, (string?)body["endpoint"]);
        Assert.Null(body["keys"]);
        using (var again = await PostAsync(browser.ToJson()))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal([browser.Endpoint], await StoredAsync(user));

        using (var deleted = await DeleteAsync(http, $$"""{"endpoint":"{{browser.Endpoint}}"}"""))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await StoredAsync(user));
        using (var twice = await DeleteAsync(http, $$"""{"endpoint":"{{browser.Endpoint}}"}"""))
            Assert.Equal(HttpStatusCode.NoContent, twice.StatusCode);
    }

    public static TheoryData<string, Func<string, string, string>, int, string?> BadBodies => new()
    {
        { "not JSON", (_, _) => "{\"endpoint\":", 400, null },
        { "an array", (_, _) => "[]", 400, null },
        { "no keys", (e, _) => $$"""{"endpoint":"{{e}}"}""", 400, "keys" },
        { "keys not an object", (e, _) => $$"""{"endpoint":"{{e}}","keys":"p256dh"}""", 400, "keys" },
        { "an unknown field", (e, k) => Body(e, k, extra: ",\"userId\":\"someone-else\""), 400, "userId" },
        { "an unknown key", (e, k) => Body(e, k, extraKey: ",\"secret\":\"x\""), 400, "keys.secret" },
        { "endpoint given twice", (e, k) => Body(e, k, extra: $",\"endpoint\":\"{e}\""), 400, "endpoint" },
        { "endpoint of the wrong type", (_, k) => Body("42", k, quoteEndpoint: false), 400, "endpoint" },
        { "a plain http endpoint", (e, k) => Body(e.Replace("https://", "http://", StringComparison.Ordinal), k), 400, "endpoint" },
        { "an endpoint on 127.0.0.1", (_, k) => Body("https://127.0.0.1/push/abc", k), 400, "endpoint" },
        { "an endpoint on another port", (_, k) => Body("https://push.standin.test:8443/push/abc", k), 400, "endpoint" },
        { "a p256dh of 64 bytes", (e, _) => Body(e, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(64))), 400, "keys.p256dh" },
        { "a padded p256dh", (e, k) => Body(e, k + "="), 400, "keys.p256dh" },
        { "an auth secret of 8 bytes", (e, k) => Body(e, k, auth: Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(8))), 400, "keys.auth" },
        { "an expiration time in the past", (e, k) => Body(e, k, expirationTime: "1700000000000"), 400, "expirationTime" },
        { "an expiration time as text", (e, k) => Body(e, k, expirationTime: "\"tomorrow\""), 400, "expirationTime" },
        { "a body over 8 KB", (e, k) => Body(e, k, extra: $",\"padding\":\"{new string('x', 9000)}\""), 413, null },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_subscribe_bodies_are_refused_naming_the_field_and_store_nothing(string because, Func<string, string, string> body, int status, string? field)
    {
        var browser = pushService.Subscribe(publicKey);

        using var response = await PostAsync(body(browser.Endpoint, browser.P256dh));

        Assert.True((int)response.StatusCode == status, $"{because}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray();
            Assert.Contains(errors, e => (string?)e!["field"] == field);
        }

        Assert.Empty(await StoredAsync(user));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_and_a_request_without_a_token_401()
    {
        var browser = pushService.Subscribe(publicKey);
        using (var text = await http.PostAsync(Route, new StringContent(browser.ToJson(), Encoding.UTF8, "text/plain")))
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        using var anonymous = fixture.CreateAnonymousClient();
        using (var unsigned = await anonymous.PostAsync(Route, new StringContent(browser.ToJson(), Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Empty(await StoredAsync(user));
    }

    [Fact]
    public async Task The_eleventh_browser_of_one_user_is_refused_with_409_and_not_stored()
    {
        for (var i = 0; i < PushSubscriptionLimits.DefaultPerUser; i++)
        {
            using var ok = await PostAsync(pushService.Subscribe(publicKey).ToJson());
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var refused = await PostAsync(pushService.Subscribe(publicKey).ToJson());

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("/problems/limit-reached", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["type"]);
        Assert.Equal(PushSubscriptionLimits.DefaultPerUser, (await StoredAsync(user)).Count);
    }

    [Fact]
    public async Task Another_user_cannot_remove_a_subscription_even_knowing_its_endpoint()
    {
        var browser = pushService.Subscribe(publicKey);
        using (var created = await PostAsync(browser.ToJson()))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var intruder = await fixture.CreateUserAsync();
        using var intruderHttp = intruder.CreateClient();

        using (var deleted = await DeleteAsync(intruderHttp, $$"""{"endpoint":"{{browser.Endpoint}}"}"""))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        Assert.Equal([browser.Endpoint], await StoredAsync(user));
    }

    [Fact]
    public async Task A_subscription_made_through_the_api_gets_the_reminder_signed_with_the_local_clouds_own_key()
    {
        var browser = pushService.Subscribe(publicKey);
        using (var created = await PostAsync(browser.ToJson()))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var settings = fixture.Cloud.Services.Settings.WebPush!;
        using var pushHttp = new HttpClient(pushService.CreateHandler());
        // The channel as FunctionServices builds it from the local cloud's settings; only the HTTP handler leads to the stand-in.
        using var channel = new WebPushReminderChannel(
            new DynamoDbPushSubscriptionStore(fixture.Cloud.Services.DynamoDb, fixture.Cloud.Tables.PushSubscriptions, TimeProvider.System),
            pushHttp,
            new VapidKeySource(new SecretFileSource(settings.PrivateKeyFile!), settings.PublicKey),
            new WebPushOptions { Subject = settings.Subject },
            TimeProvider.System,
            NullLogger<WebPushReminderChannel>.Instance);
        var start = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeMilliseconds());
        var notice = new RealtimeCalendar.Core.Reminders.ReminderNotice("rem-" + Guid.NewGuid().ToString("N"), "evt-1", start, "Stand-up", start, 10);

        await channel.SendAsync(user.UserId, notice, CancellationToken.None);

        var message = Assert.Single(pushService.Received);
        Assert.Equal(publicKey, message.Vapid.PublicKey);
        Assert.Equal("mailto:developer@realtimecalendar.local", message.Vapid.Subject);
        Assert.Equal(notice, JsonSerializer.Deserialize(message.Plaintext!, WebPushJsonContext.Default.ReminderNotice));
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        http.PostAsync(Route, new StringContent(json, Encoding.UTF8, "application/json"));

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, string json) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Route) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    private async Task<IReadOnlyList<string>> StoredAsync(TestUser owner) =>
        [.. (await new DynamoDbPushSubscriptionStore(fixture.Cloud.Services.DynamoDb, fixture.Cloud.Tables.PushSubscriptions, TimeProvider.System)
            .ListAsync(owner.UserId, CancellationToken.None)).Select(s => s.Endpoint)];

    private static string Body(
        string endpoint, string p256dh, string? auth = null, string expirationTime = "null", string extra = "", string extraKey = "", bool quoteEndpoint = true)
    {
        auth ??= Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var endpointJson = quoteEndpoint ? $"\"{endpoint}\"" : endpoint;
        return $$"""{"endpoint":{{endpointJson}},"expirationTime":{{expirationTime}},"keys":{"p256dh":"{{p256dh}}","auth":"{{auth}}"{{extraKey}}}{{extra}}}""";
    }
}
