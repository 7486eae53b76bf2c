namespace RealtimeCalendar.Core.Push;

/// <summary>Each user's push subscriptions, keyed by endpoint (a browser's subscription has exactly one).</summary>
public interface IPushSubscriptionStore
{
    /// <summary>
    /// Stores <paramref name="subscription"/> for <paramref name="userId"/>, replacing the one with the same endpoint;
    /// a new endpoint is refused (<see cref="PushSubscriptionSave.LimitReached"/>, nothing stored) when the user already
    /// has <paramref name="maxPerUser"/>.
    /// </summary>
    Task<PushSubscriptionSave> PutAsync(string userId, PushSubscription subscription, int maxPerUser, CancellationToken cancellationToken);

    /// <summary>Removes the user's subscription with this endpoint; false when there was none.</summary>
    Task<bool> DeleteAsync(string userId, string endpoint, CancellationToken cancellationToken);

    /// <summary>The user's subscriptions, leaving out those past their <see cref="PushSubscription.ExpirationTime"/>.</summary>
    Task<IReadOnlyList<PushSubscription>> ListAsync(string userId, CancellationToken cancellationToken);
}
