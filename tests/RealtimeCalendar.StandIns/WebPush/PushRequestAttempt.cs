namespace RealtimeCalendar.StandIns.WebPush;

/// <summary>Every request the stand-in answered, accepted or not: which subscription, when, and the status it got.</summary>
public sealed record PushRequestAttempt(string? SubscriptionId, int Status, string? Reason, DateTimeOffset At);
