namespace RealtimeCalendar.Core.Push;

/// <summary>What storing a push subscription did.</summary>
public enum PushSubscriptionSave
{
    /// <summary>A new endpoint for this user.</summary>
    Created,

    /// <summary>The user already had this endpoint; its keys and expiry were replaced.</summary>
    Replaced,

    /// <summary>The user already has the most subscriptions allowed; nothing was stored.</summary>
    LimitReached,
}
