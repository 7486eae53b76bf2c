using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Aws.Push;
using RealtimeCalendar.Core.Push;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Core.Secrets;
using RealtimeCalendar.StandIns.WebPush;

namespace RealtimeCalendar.WebPush.Tests.Fixtures;

/// <summary>
/// The sender as FunctionServices composes it (the DynamoDB Local-backed store, a VAPID key pair, the real
/// Lib.Net.Http.WebPush client behind Polly) talking to the push-service stand-in; only the HTTP handler differs, as DNS
/// and a public CA would differ for a real push service. Each rig has its own stand-in and its own user.
/// </summary>
public sealed class PushRig : IAsyncDisposable
{
    private readonly HttpClient http;

    private PushRig(DynamoDbLocalFixture dynamoDb, PushServiceServer pushService, VapidKeyPair keys, WebPushOptions options)
    {
        PushService = pushService;
        Keys = keys;
        Store = new DynamoDbPushSubscriptionStore(dynamoDb.Client, dynamoDb.Tables.PushSubscriptions, TimeProvider.System);
        Subscriptions = new PushSubscriptions(Store, PushSubscriptionLimits.DefaultPerUser, TimeProvider.System, NullLogger<PushSubscriptions>.Instance);
        http = new HttpClient(pushService.CreateHandler());
        Channel = new WebPushReminderChannel(
            Store, http, new VapidKeySource(new FixedSecret(keys.PrivateKey), keys.PublicKey), options, TimeProvider.System, Logs.CreateLogger<WebPushReminderChannel>());
    }

    public string UserId { get; } = "user-" + Guid.NewGuid().ToString("N");

    public PushServiceServer PushService { get; }

    public VapidKeyPair Keys { get; }

    public DynamoDbPushSubscriptionStore Store { get; }

    public PushSubscriptions Subscriptions { get; }

    public WebPushReminderChannel Channel { get; }

    public RecordingLoggerProvider Logs { get; } = new();

    public static async Task<PushRig> StartAsync(DynamoDbLocalFixture dynamoDb, WebPushOptions? options = null) =>
        new(dynamoDb, await PushServiceServer.StartAsync(), VapidKeyPair.Generate(), options ?? Options);

    /// <summary>Quick retries, so the tests of failures stay short; the Retry-After cap is the production one.</summary>
    public static WebPushOptions Options { get; } = new() { Subject = "mailto:operator@example.com", RetryDelay = TimeSpan.FromMilliseconds(50) };

    /// <summary>A browser subscribes with this deployment's public key, and the app stores it through the subscribe rules.</summary>
    public async Task<UserAgentSubscription> SubscribeBrowserAsync()
    {
        var browser = PushService.Subscribe(Keys.PublicKey);
        var outcome = await Subscriptions.SubscribeAsync(UserId, browser.Endpoint, browser.P256dh, browser.Auth, null, CancellationToken.None);
        Assert.Empty(outcome.Errors);
        Assert.Equal(PushSubscriptionSave.Created, outcome.Saved);
        return browser;
    }

    /// <summary>A reminder due now: ten minutes before an occurrence.</summary>
    public static ReminderNotice DueNow(string title = "Dentist") =>
        DueAt(TimeProvider.System.GetUtcNow(), title);

    public static ReminderNotice DueAt(DateTimeOffset due, string title = "Dentist")
    {
        var start = new DateTimeOffset(due.Ticks - due.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero).AddMinutes(10);
        return new ReminderNotice("rem-" + Guid.NewGuid().ToString("N"), "evt-" + Guid.NewGuid().ToString("N")[..12], start, title, start, 10);
    }

    public async Task<IReadOnlyList<string>> StoredEndpointsAsync() =>
        [.. (await Store.ListAsync(UserId, CancellationToken.None)).Select(s => s.Endpoint).Order(StringComparer.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        http.Dispose();
        await PushService.DisposeAsync();
    }
}
