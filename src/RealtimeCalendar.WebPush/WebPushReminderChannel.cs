using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;
using RealtimeCalendar.Core.Push;
using RealtimeCalendar.Core.Reminders;
using LibPushSubscription = Lib.Net.Http.WebPush.PushSubscription;
using PushSubscription = RealtimeCalendar.Core.Push.PushSubscription;

namespace RealtimeCalendar.WebPush;

/// <summary>
/// Reminders for a user with no socket open, as Web Push: one push message request (RFC 8030 section 5) per stored
/// subscription, signed with VAPID (RFC 8292) and encrypted as aes128gcm (RFC 8291) by Lib.Net.Http.WebPush, carrying
/// the <see cref="ReminderNotice"/> JSON. TTL lasts until <see cref="WebPushOptions.Lateness"/> after the reminder
/// was due, Urgency is high, and the Topic (RFC 8030 section 5.4) is derived from the reminder id, so a repeat still
/// waiting at the push service replaces the first. A 404 or 410 deletes that subscription; 429 and 5xx are retried
/// (<see cref="PushDeliveryResilience"/>). Endpoints are logged as their push service's origin only.
/// </summary>
public sealed class WebPushReminderChannel : IOfflineReminderChannel, IDisposable
{
    /// <summary>RFC 8030 section 5.4: a Topic is at most 32 characters of the base64url alphabet.</summary>
    private const int TopicLength = 32;

    /// <summary>RFC 8030 section 5.2 gives no maximum; 28 days is the longest any browser push service keeps a message.</summary>
    private static readonly TimeSpan MaxTimeToLive = TimeSpan.FromDays(28);

    private readonly IPushSubscriptionStore subscriptions;
    private readonly PushServiceClient pushService;
    private readonly VapidKeySource keys;
    private readonly WebPushOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<WebPushReminderChannel> logger;
    private readonly ResiliencePipeline pipeline;
    private readonly Lock authenticationGate = new();
    private VapidAuthentication? authentication;

    /// <param name="http">The client the push message requests go out on; its handler is the only thing tests change.</param>
    public WebPushReminderChannel(
        IPushSubscriptionStore subscriptions,
        HttpClient http,
        VapidKeySource keys,
        WebPushOptions options,
        TimeProvider time,
        ILogger<WebPushReminderChannel> logger)
    {
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.options = options;
        this.time = time;
        this.logger = logger;
        pushService = new PushServiceClient(http) { AutoRetryAfter = false };
        pipeline = PushDeliveryResilience.Create(options, time);
    }

    public async Task SendAsync(string userId, ReminderNotice notice, CancellationToken cancellationToken)
    {
        var targets = await subscriptions.ListAsync(userId, cancellationToken);
        if (targets.Count == 0)
            return;

        var timeToLive = TimeToLive(notice);
        if (timeToLive <= TimeSpan.Zero)
        {
            logger.LogInformation(
                "Reminder {ReminderId} of {UserId} is more than {Lateness} past due; no push message sent", notice.ReminderId, userId, options.Lateness);
            return;
        }

        if (await AuthenticationAsync(cancellationToken) is not { } vapid)
        {
            logger.LogWarning("Web Push has no VAPID private key configured; reminder {ReminderId} reaches none of the {Count} push subscriptions of {UserId}",
                notice.ReminderId, targets.Count, userId);
            return;
        }

        var message = new PushMessage(JsonSerializer.Serialize(notice, WebPushJsonContext.Default.ReminderNotice))
        {
            TimeToLive = (int)Math.Ceiling(timeToLive.TotalSeconds),
            Urgency = options.Urgency,
            Topic = TopicOf(notice.ReminderId),
        };
        var outcomes = await Task.WhenAll(targets.Select(target => DeliverAsync(userId, notice.ReminderId, target, message, vapid, cancellationToken)));
        var failed = outcomes.Count(outcome => outcome == PushDelivery.Failed);
        if (failed > 0)
            throw new ReminderDeliveryException(notice.ReminderId, failed, targets.Count);
    }

    public void Dispose()
    {
        lock (authenticationGate)
            authentication?.Dispose();
    }

    /// <summary>The Topic for <paramref name="reminderId"/>: the first 32 base64url characters of its SHA-256.</summary>
    public static string TopicOf(string reminderId) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(reminderId)))[..TopicLength];

    private TimeSpan TimeToLive(ReminderNotice notice)
    {
        var due = notice.OccurrenceStart - TimeSpan.FromMinutes(notice.MinutesBefore);
        var left = due + options.Lateness - time.GetUtcNow();
        return left > MaxTimeToLive ? MaxTimeToLive : left;
    }

    private async Task<PushDelivery> DeliverAsync(
        string userId, string reminderId, PushSubscription target, PushMessage message, VapidAuthentication vapid, CancellationToken cancellationToken)
    {
        var pushService = PushSubscriptions.PushServiceOf(target.Endpoint);
        var subscription = new LibPushSubscription { Endpoint = target.Endpoint };
        subscription.SetKey(PushEncryptionKeyName.P256DH, target.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, target.Auth);
        try
        {
            await pipeline.ExecuteAsync(
                async token => await this.pushService.RequestPushMessageDeliveryAsync(subscription, message, vapid, token),
                cancellationToken);
            logger.LogInformation("Reminder {ReminderId} of {UserId} handed to {PushService}", reminderId, userId, pushService);
            return PushDelivery.Delivered;
        }
        catch (PushServiceClientException refusal) when (refusal.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            // RFC 8030 section 7.3: an expired subscription answers 404; push services answer 410 once the user unsubscribed.
            await subscriptions.DeleteAsync(userId, target.Endpoint, cancellationToken);
            logger.LogInformation("{PushService} answered {Status} for a push subscription of {UserId}: removed it", pushService, (int)refusal.StatusCode, userId);
            return PushDelivery.Removed;
        }
        catch (PushServiceClientException refusal) when (PushDeliveryResilience.IsTransient(refusal.StatusCode))
        {
            logger.LogWarning("{PushService} answered {Status} for reminder {ReminderId} of {UserId} after the retries (Retry-After {RetryAfter})",
                pushService, (int)refusal.StatusCode, reminderId, userId, PushDeliveryResilience.RetryAfter(refusal, time));
            return PushDelivery.Failed;
        }
        catch (PushServiceClientException refusal)
        {
            logger.LogError("{PushService} refused reminder {ReminderId} of {UserId} with {Status}: {Reason}",
                pushService, reminderId, userId, (int)refusal.StatusCode, Excerpt(refusal.Body));
            return PushDelivery.Refused;
        }
        catch (Exception failure) when (failure is HttpRequestException or TimeoutRejectedException)
        {
            logger.LogWarning(failure, "{PushService} could not be reached for reminder {ReminderId} of {UserId}", pushService, reminderId, userId);
            return PushDelivery.Failed;
        }
    }

    private async Task<VapidAuthentication?> AuthenticationAsync(CancellationToken cancellationToken)
    {
        lock (authenticationGate)
        {
            if (authentication is not null)
                return authentication;
        }

        if (await keys.GetAsync(cancellationToken) is not { } pair)
            return null;
        lock (authenticationGate)
        {
            return authentication ??= new VapidAuthentication(pair.PublicKey, pair.PrivateKey)
            {
                Subject = options.Subject,
                Expiration = (int)options.TokenLifetime.TotalSeconds,
            };
        }
    }

    /// <summary>A push service's reason, bounded for the log.</summary>
    private static string Excerpt(string? body) => body is null ? "(no body)" : body.Length <= 300 ? body : body[..300] + "…";
}
