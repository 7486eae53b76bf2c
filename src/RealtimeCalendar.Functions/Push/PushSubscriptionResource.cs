using System.Text.Json.Serialization;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Push;

namespace RealtimeCalendar.Functions.Push;

/// <summary>A stored subscription as the API answers it: the endpoint and times, never the keys.</summary>
public sealed record PushSubscriptionResource(
    string Endpoint,
    [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset? ExpirationTime,
    [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset CreatedAt)
{
    public static PushSubscriptionResource From(PushSubscription subscription) =>
        new(subscription.Endpoint, subscription.ExpirationTime, subscription.CreatedAt);
}
