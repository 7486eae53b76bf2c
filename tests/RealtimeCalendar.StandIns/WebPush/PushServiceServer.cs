using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RealtimeCalendar.StandIns.WebPush;

/// <summary>
/// A stand-in for a browser's push service (FCM, Mozilla autopush, Apple, WNS) that speaks RFC 8030's push message
/// request over TLS as <c>https://push.standin.test</c>: <c>POST /push/{id}</c> with TTL (required), Urgency and Topic,
/// VAPID (RFC 8292) verified against the key the subscription was made with, and an aes128gcm body (RFC 8291) of at most
/// 4096 bytes, which it decrypts as the subscribed user agent would. It answers 201 with a Location, and the unkind
/// answers as push services do: 404 for an expired subscription, 410 for one the user ended, 413, 400, 401, 403, and
/// scripted 429 (with Retry-After) or 5xx.
/// <para>
/// It listens on a free loopback port; <see cref="CreateHandler"/> gives clients what DNS and a public CA give them for a
/// real push service (the name leads to this port, its certificate is trusted), so endpoints are on the default port and
/// the VAPID <c>aud</c> is the plain origin, as for every real push service.
/// </para>
/// </summary>
public sealed class PushServiceServer : IAsyncDisposable
{
    public const string HostName = "push.standin.test";
    public const string Origin = "https://" + HostName;

    /// <summary>RFC 8030 section 7.2: a push service must take at least 4096 bytes of payload; this one takes no more.</summary>
    public const int MaxPayloadBytes = 4096;

    private static readonly string[] Urgencies = ["very-low", "low", "normal", "high"];

    private readonly WebApplication app;
    private readonly X509Certificate2 certificate;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, Subscription> subscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedPushMessage> received = new();
    private readonly ConcurrentQueue<PushRequestAttempt> attempts = new();
    private int port;

    private PushServiceServer(WebApplication app, X509Certificate2 certificate, TimeProvider time)
    {
        this.app = app;
        this.certificate = certificate;
        this.time = time;
    }

    /// <summary>Messages accepted (201), in arrival order.</summary>
    public IReadOnlyList<ReceivedPushMessage> Received => [.. received];

    /// <summary>Every request answered, whatever the status.</summary>
    public IReadOnlyList<PushRequestAttempt> Attempts => [.. attempts];

    public static async Task<PushServiceServer> StartAsync(TimeProvider? time = null)
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var server = new PushServiceServer(builder.Build(), certificate, time ?? TimeProvider.System);
        server.app.Run(server.AnswerAsync);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.port = new Uri(address).Port;
        return server;
    }

    /// <summary>
    /// What the browser's <c>pushManager.subscribe({applicationServerKey})</c> gets from its push service: a new push
    /// resource restricted to <paramref name="applicationServerKey"/>, with fresh user agent keys.
    /// </summary>
    public UserAgentSubscription Subscribe(string applicationServerKey)
    {
        var id = Base64UrlId();
        var subscription = new UserAgentSubscription(id, $"{Origin}/push/{id}", applicationServerKey);
        subscriptions[id] = new Subscription(subscription);
        return subscription;
    }

    /// <summary>The user turned notifications off (or the browser dropped the subscription): every later request gets 410 Gone.</summary>
    public void Unsubscribe(UserAgentSubscription subscription) => subscriptions[subscription.Id].State = SubscriptionState.Gone;

    /// <summary>The subscription expired (RFC 8030 section 7.3): every later request gets 404 Not Found.</summary>
    public void Expire(UserAgentSubscription subscription) => subscriptions[subscription.Id].State = SubscriptionState.Expired;

    /// <summary>The next requests to <paramref name="subscription"/> get these answers, one each, before it is processed again.</summary>
    public void AnswerNext(UserAgentSubscription subscription, params ScriptedPushAnswer[] answers)
    {
        foreach (var answer in answers)
            subscriptions[subscription.Id].Script.Enqueue(answer);
    }

    public IReadOnlyList<ReceivedPushMessage> ReceivedBy(UserAgentSubscription subscription) =>
        [.. received.Where(m => m.SubscriptionId == subscription.Id)];

    /// <summary>
    /// An HTTP handler for clients of this push service: connections to <see cref="HostName"/> go to its port, and its
    /// certificate is the one trusted root. The request itself (URL, Host, SNI, headers) is what a real one would be.
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            if (!string.Equals(context.DnsEndPoint.Host, HostName, StringComparison.OrdinalIgnoreCase))
                throw new HttpRequestException($"This client reaches only {HostName}, not {context.DnsEndPoint.Host}.");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, presented, _, errors) => Trusts(presented, errors) },
    };

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        foreach (var subscription in subscriptions.Values)
            subscription.UserAgent.Dispose();
        certificate.Dispose();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var segments = request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (segments is not ["push", var id] || !subscriptions.TryGetValue(id, out var subscription))
        {
            await AnswerAsync(context, null, 404, "no such push resource");
            return;
        }

        if (request.Method != HttpMethods.Post)
        {
            await AnswerAsync(context, id, 405, "push message requests are POSTs (RFC 8030 section 5)");
            return;
        }

        switch (subscription.State)
        {
            case SubscriptionState.Gone:
                await AnswerAsync(context, id, 410, "the push subscription was ended");
                return;
            case SubscriptionState.Expired:
                await AnswerAsync(context, id, 404, "the push subscription has expired (RFC 8030 section 7.3)");
                return;
        }

        if (subscription.Script.TryDequeue(out var scripted))
        {
            if (scripted.RetryAfter is { } retryAfter)
                context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await AnswerAsync(context, id, scripted.Status, "scripted by the test");
            return;
        }

        // RFC 8030 section 5.2: the TTL header is required.
        if (!int.TryParse(request.Headers["TTL"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var timeToLive))
        {
            await AnswerAsync(context, id, 400, "the TTL header is missing or not a number of seconds");
            return;
        }

        var urgency = request.Headers["Urgency"].ToString() is { Length: > 0 } given ? given : null;
        if (urgency is not null && !Urgencies.Contains(urgency, StringComparer.Ordinal))
        {
            await AnswerAsync(context, id, 400, "Urgency must be very-low, low, normal or high (RFC 8030 section 5.3)");
            return;
        }

        var topic = request.Headers["Topic"].ToString() is { Length: > 0 } named ? named : null;
        if (topic is not null && (topic.Length > 32 || !topic.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            await AnswerAsync(context, id, 400, "a Topic is at most 32 base64url characters (RFC 8030 section 5.4)");
            return;
        }

        var (claims, status, error) = VapidVerification.Verify(
            request.Headers.Authorization.ToString(), Origin, subscription.UserAgent.ApplicationServerKey, time.GetUtcNow());
        if (claims is null)
        {
            await AnswerAsync(context, id, status, error);
            return;
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > MaxPayloadBytes)
        {
            await AnswerAsync(context, id, 413, $"the payload is {body.Length} bytes; at most {MaxPayloadBytes} are accepted");
            return;
        }

        string? plaintext = null;
        string? decryptionError = null;
        if (body.Length > 0)
        {
            if (!string.Equals(request.Headers.ContentEncoding.ToString(), "aes128gcm", StringComparison.OrdinalIgnoreCase))
            {
                await AnswerAsync(context, id, 400, "a payload must be encoded aes128gcm (RFC 8291)");
                return;
            }

            var (bytes, failure) = Aes128GcmPushDecryption.Decrypt(subscription.UserAgent, body.ToArray());
            decryptionError = failure;
            if (bytes is not null)
            {
                try
                {
                    plaintext = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
                }
                catch (DecoderFallbackException)
                {
                    decryptionError = "the plaintext is not UTF-8";
                }
            }
        }

        // Like a real push service, it cannot read the payload itself: the user agent's failure to decrypt is recorded, not answered.
        received.Enqueue(new ReceivedPushMessage(id, timeToLive, urgency, topic, claims, plaintext, decryptionError, time.GetUtcNow()));
        context.Response.Headers.Location = $"{Origin}/message/{Base64UrlId()}";
        context.Response.Headers["TTL"] = timeToLive.ToString(CultureInfo.InvariantCulture);
        await AnswerAsync(context, id, 201, null);
    }

    private async Task AnswerAsync(HttpContext context, string? subscriptionId, int status, string? reason)
    {
        attempts.Enqueue(new PushRequestAttempt(subscriptionId, status, reason, time.GetUtcNow()));
        context.Response.StatusCode = status;
        if (reason is not null)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(reason, context.RequestAborted);
        }
    }

    private bool Trusts(X509Certificate? presented, SslPolicyErrors errors)
    {
        // The name must match; the chain may only fail for want of a public root, which is supplied here.
        if (presented is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(presented);
        return chain.Build(leaf);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={HostName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(HostName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
    }

    private static string Base64UrlId() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

    private enum SubscriptionState
    {
        Active,
        Gone,
        Expired,
    }

    private sealed class Subscription(UserAgentSubscription userAgent)
    {
        public UserAgentSubscription UserAgent { get; } = userAgent;

        public SubscriptionState State { get; set; } = SubscriptionState.Active;

        public ConcurrentQueue<ScriptedPushAnswer> Script { get; } = new();
    }
}
