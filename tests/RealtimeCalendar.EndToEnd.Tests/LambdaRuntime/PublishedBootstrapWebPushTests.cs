using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RealtimeCalendar.Aws.Push;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.StandIns.WebPush;

namespace RealtimeCalendar.EndToEnd.Tests.LambdaRuntime;

/// <summary>
/// The push-subscriptions function in the published Native AOT bootstrap, in the Lambda sandbox: it gets the VAPID
/// public key from its environment, checks a browser's keys on the curve with the BCL's ECDH, and stores the
/// subscription in DynamoDB Local.
/// </summary>
public sealed class PublishedBootstrapWebPushTests(PublishedBootstrapFixture fixture) : IClassFixture<PublishedBootstrapFixture>
{
    [Fact]
    public async Task A_subscription_is_checked_and_stored_by_the_aot_bootstrap()
    {
        var user = await TestUser.CreateAsync(fixture.Cloud);
        using var http = user.CreateClient();
        using var anonymous = new HttpClient { BaseAddress = fixture.Cloud.BaseUrl };
        var publicKey = (string)JsonNode.Parse(await anonymous.GetStringAsync("/config.json"))!["vapidPublicKey"]!;
        await using var pushService = await PushServiceServer.StartAsync();
        var browser = pushService.Subscribe(publicKey);

        var offCurve = Base64Url.DecodeFromChars(browser.P256dh);
        offCurve[40] ^= 0x01;
        using (var refused = await http.PostAsync("/api/push/subscriptions", Json(browser.ToJson().Replace(browser.P256dh, Base64Url.EncodeToString(offCurve), StringComparison.Ordinal))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("keys.p256dh", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var created = await http.PostAsync("/api/push/subscriptions", Json(browser.ToJson())))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var stored = await new DynamoDbPushSubscriptionStore(fixture.Cloud.Services.DynamoDb, fixture.Cloud.Tables.PushSubscriptions, TimeProvider.System)
            .ListAsync(user.UserId, CancellationToken.None);
        Assert.Equal((browser.Endpoint, browser.P256dh, browser.Auth), stored.Select(s => (s.Endpoint, s.P256dh, s.Auth)).Single());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
