using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Push;

/// <summary>
/// The answer to a subscribe: <see cref="Errors"/> when the subscription was refused as invalid (nothing stored), else
/// what the store did and, unless the limit was reached, the subscription as stored.
/// </summary>
public sealed record PushSubscribeOutcome(PushSubscriptionSave? Saved, PushSubscription? Subscription, IReadOnlyList<ValidationError> Errors)
{
    public static PushSubscribeOutcome Invalid(IReadOnlyList<ValidationError> errors) => new(null, null, errors);
}
