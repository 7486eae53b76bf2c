namespace RealtimeCalendar.StandIns.WebPush;

/// <summary>An answer a test makes the stand-in give one subscription's next request instead of processing it (429 with Retry-After, 5xx).</summary>
public sealed record ScriptedPushAnswer(int Status, TimeSpan? RetryAfter = null);
