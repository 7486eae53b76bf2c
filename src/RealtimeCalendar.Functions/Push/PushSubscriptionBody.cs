namespace RealtimeCalendar.Functions.Push;

/// <summary>A subscribe request's fields as read from <c>PushSubscription.toJSON()</c>, before the subscription rules run.</summary>
public sealed record PushSubscriptionBody(string Endpoint, string P256dh, string Auth, DateTimeOffset? ExpirationTime);
