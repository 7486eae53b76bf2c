using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Push;

/// <summary>
/// The browsers a user allowed to show reminders while no tab is open: subscribe (validated, capped per user, the same
/// endpoint again replaces its keys) and unsubscribe by endpoint.
/// </summary>
public sealed class PushSubscriptions(IPushSubscriptionStore store, int maxPerUser, TimeProvider time, ILogger<PushSubscriptions> logger)
{
    public int MaxPerUser => maxPerUser;

    public async Task<PushSubscribeOutcome> SubscribeAsync(
        string userId, string endpoint, string p256dh, string auth, DateTimeOffset? expirationTime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = PushSubscriptionValidator.Validate(endpoint, p256dh, auth, expirationTime, now);
        if (errors.Count > 0)
            return PushSubscribeOutcome.Invalid(errors);

        var subscription = new PushSubscription(endpoint, p256dh, auth, expirationTime, now);
        var saved = await store.PutAsync(userId, subscription, maxPerUser, cancellationToken);
        if (saved == PushSubscriptionSave.LimitReached)
        {
            logger.LogWarning("{UserId} already has {Limit} push subscriptions; one more from {PushService} was refused", userId, maxPerUser, PushServiceOf(endpoint));
            return new(saved, null, []);
        }

        logger.LogInformation("{UserId} subscribed at {PushService} ({Saved})", userId, PushServiceOf(endpoint), saved);
        return new(saved, subscription, []);
    }

    /// <summary>Removes the user's subscription with this endpoint, if any; an endpoint the validator would refuse is named in the errors.</summary>
    public async Task<IReadOnlyList<ValidationError>> UnsubscribeAsync(string userId, string endpoint, CancellationToken cancellationToken)
    {
        if (endpoint.Length is 0 or > PushSubscriptionLimits.MaxEndpointLength)
            return [new(PushSubscriptionValidator.EndpointField, $"Required, at most {PushSubscriptionLimits.MaxEndpointLength} characters.")];

        var removed = await store.DeleteAsync(userId, endpoint, cancellationToken);
        logger.LogInformation("{UserId} unsubscribed at {PushService} (removed: {Removed})", userId, PushServiceOf(endpoint), removed);
        return [];
    }

    /// <summary>
    /// The push service's origin, for logs: the endpoint's path is the subscription's capability (with the VAPID key it
    /// is all an attacker needs), so it is never logged.
    /// </summary>
    public static string PushServiceOf(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "(not a URL)";
}
