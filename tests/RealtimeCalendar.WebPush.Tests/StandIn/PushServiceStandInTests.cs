using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using RealtimeCalendar.StandIns.WebPush;

namespace RealtimeCalendar.WebPush.Tests.StandIn;

/// <summary>
/// The push-service stand-in answers as RFC 8030, 8291 and 8292 say a push service does, each rule on its own, so a
/// sender that breaks one is caught: plain HTTP requests, with tokens and bodies made here.
/// </summary>
public sealed class PushServiceStandInTests : IAsyncLifetime
{
    private PushServiceServer server = null!;
    private HttpClient http = null!;
    private VapidKeyPair keys = null!;
    private UserAgentSubscription browser = null!;

    public async Task InitializeAsync()
    {
        server = await PushServiceServer.StartAsync();
        http = new HttpClient(server.CreateHandler());
        keys = VapidKeyPair.Generate();
        browser = server.Subscribe(keys.PublicKey);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_message_the_library_encrypts_and_signs_is_accepted_with_201_and_decrypted()
    {
        using var vapid = new VapidAuthentication(keys.PublicKey, keys.PrivateKey) { Subject = "mailto:ops@example.com" };
        var client = new PushServiceClient(http) { AutoRetryAfter = false };

        await client.RequestPushMessageDeliveryAsync(Subscription(browser), new PushMessage("{\"hello\":\"wörld\"}") { TimeToLive = 60 }, vapid, CancellationToken.None);

        var message = Assert.Single(server.Received);
        Assert.Equal("{\"hello\":\"wörld\"}", message.Plaintext);
        Assert.Equal(201, Assert.Single(server.Attempts).Status);
    }

    [Fact]
    public async Task The_same_body_does_not_decrypt_for_another_subscription()
    {
        using var vapid = new VapidAuthentication(keys.PublicKey, keys.PrivateKey) { Subject = "mailto:ops@example.com" };
        var other = server.Subscribe(keys.PublicKey);
        var client = new PushServiceClient(http) { AutoRetryAfter = false };
        // The body is encrypted to browser's keys but posted to other's push resource.
        var mixed = Subscription(browser);
        mixed.Endpoint = other.Endpoint;

        await client.RequestPushMessageDeliveryAsync(mixed, new PushMessage("secret") { TimeToLive = 60 }, vapid, CancellationToken.None);

        var message = Assert.Single(server.Received);
        Assert.Null(message.Plaintext);
        Assert.Contains("tag mismatch", message.DecryptionError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_TTL_is_400()
    {
        using var request = Post(browser, Token(aud: PushServiceServer.Origin), ttl: null);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_request_without_Authorization_is_401()
    {
        using var request = Post(browser, authorization: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task An_unreadable_vapid_header_is_400()
    {
        using var request = Post(browser, new AuthenticationHeaderValue("vapid", "t=not-a-jwt"));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("https://push.standin.test:443")]
    [InlineData("https://push.standin.test/")]
    [InlineData("https://other.example")]
    public async Task A_token_for_another_audience_is_403(string audience)
    {
        using var request = Post(browser, Token(aud: audience));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(request)).StatusCode);
        Assert.Contains("aud", Assert.Single(server.Attempts).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_valid_for_more_than_24_hours_is_403_and_one_within_them_is_accepted()
    {
        using (var tooLong = Post(browser, Token(aud: PushServiceServer.Origin, lifetime: TimeSpan.FromHours(24.5))))
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(tooLong)).StatusCode);
        using (var expired = Post(browser, Token(aud: PushServiceServer.Origin, lifetime: TimeSpan.FromMinutes(-1))))
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(expired)).StatusCode);
        using (var ok = Post(browser, Token(aud: PushServiceServer.Origin, lifetime: TimeSpan.FromHours(23))))
            Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(ok)).StatusCode);
    }

    [Fact]
    public async Task A_token_without_a_contact_or_with_a_forged_signature_is_403()
    {
        using (var noSubject = Post(browser, Token(aud: PushServiceServer.Origin, subject: null)))
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(noSubject)).StatusCode);

        var forged = Token(aud: PushServiceServer.Origin);
        var t = forged.Parameter!.Split(',')[0][2..];
        var signature = Base64Url.DecodeFromChars(t.Split('.')[2]);
        signature[10] ^= 0x01;
        var tampered = $"t={string.Join('.', t.Split('.')[..2])}.{Base64Url.EncodeToString(signature)}, k={keys.PublicKey}";
        using var request = Post(browser, new AuthenticationHeaderValue("vapid", tampered));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_by_a_key_the_subscription_is_not_bound_to_is_403()
    {
        var stranger = VapidKeyPair.Generate();
        using var request = Post(browser, Token(aud: PushServiceServer.Origin, keyPair: stranger));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(request)).StatusCode);
        Assert.Contains("application server key", Assert.Single(server.Attempts).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_4096_bytes_is_413()
    {
        using var request = Post(browser, Token(aud: PushServiceServer.Origin), body: new byte[4097]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await http.SendAsync(request)).StatusCode);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_bad_Urgency_or_Topic_is_400()
    {
        using (var urgency = Post(browser, Token(aud: PushServiceServer.Origin)))
        {
            urgency.Headers.Add("Urgency", "urgent");
            Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(urgency)).StatusCode);
        }

        using var topic = Post(browser, Token(aud: PushServiceServer.Origin));
        topic.Headers.Add("Topic", new string('a', 33));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(topic)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_resource_is_404_an_ended_subscription_410_and_an_expired_one_404()
    {
        var ended = server.Subscribe(keys.PublicKey);
        var expired = server.Subscribe(keys.PublicKey);
        server.Unsubscribe(ended);
        server.Expire(expired);

        using (var unknown = new HttpRequestMessage(HttpMethod.Post, PushServiceServer.Origin + "/push/nobody"))
            Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(unknown)).StatusCode);
        using (var gone = Post(ended, Token(aud: PushServiceServer.Origin)))
            Assert.Equal(HttpStatusCode.Gone, (await http.SendAsync(gone)).StatusCode);
        using (var old = Post(expired, Token(aud: PushServiceServer.Origin)))
            Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(old)).StatusCode);
    }

    [Fact]
    public async Task Scripted_answers_come_first_with_their_Retry_After()
    {
        server.AnswerNext(browser, new ScriptedPushAnswer(429, TimeSpan.FromSeconds(7)));

        using var request = Post(browser, Token(aud: PushServiceServer.Origin));
        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        using var next = Post(browser, Token(aud: PushServiceServer.Origin));
        Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(next)).StatusCode);
    }

    [Fact]
    public async Task The_handler_reaches_only_the_stand_in_and_trusts_only_its_certificate()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("https://fcm.googleapis.com/fcm/send/x"));

        // A client without the stand-in's handler does not trust its certificate.
        using var plain = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = server.CreateHandler().ConnectCallback,
        });
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => plain.PostAsync(browser.Endpoint, null));
        Assert.IsType<System.Security.Authentication.AuthenticationException>(failure.InnerException);
    }

    private static PushSubscription Subscription(UserAgentSubscription browser)
    {
        var subscription = new PushSubscription { Endpoint = browser.Endpoint };
        subscription.SetKey(PushEncryptionKeyName.P256DH, browser.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, browser.Auth);
        return subscription;
    }

    private static HttpRequestMessage Post(UserAgentSubscription to, AuthenticationHeaderValue? authorization, string? ttl = "60", byte[]? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, to.Endpoint) { Content = new ByteArrayContent(body ?? []) };
        if (ttl is not null)
            request.Headers.Add("TTL", ttl);
        request.Headers.Authorization = authorization;
        if (body is { Length: > 0 })
            request.Content.Headers.ContentEncoding.Add("aes128gcm");
        return request;
    }

    /// <summary>A VAPID header made here with the BCL's ECDSA, so claims the library would never write can be tried.</summary>
    private AuthenticationHeaderValue Token(string aud, TimeSpan? lifetime = null, string? subject = "mailto:ops@example.com", VapidKeyPair? keyPair = null)
    {
        keyPair ??= keys;
        var exp = DateTimeOffset.UtcNow.Add(lifetime ?? TimeSpan.FromHours(12)).ToUnixTimeSeconds();
        var claims = subject is null ? $"{{\"aud\":\"{aud}\",\"exp\":{exp}}}" : $"{{\"aud\":\"{aud}\",\"exp\":{exp},\"sub\":\"{subject}\"}}";
        var input = Base64Url.EncodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}"u8) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims));
        using var signer = ECDsa.Create();
        signer.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = Base64Url.DecodeFromChars(keyPair.PrivateKey) });
        var signature = signer.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256);
        return new AuthenticationHeaderValue("vapid", $"t={input}.{Base64Url.EncodeToString(signature)}, k={keyPair.PublicKey}");
    }
}
