namespace RealtimeCalendar.Functions.Http;

/// <summary>The stable problem <c>type</c> values this API answers with (relative URI references, RFC 9457 §3.1.1).</summary>
public static class ProblemTypes
{
    public const string InvalidJson = "/problems/invalid-json";
    public const string Validation = "/problems/validation";
    public const string NotFound = "/problems/not-found";
    public const string PreconditionFailed = "/problems/precondition-failed";
    public const string PreconditionRequired = "/problems/precondition-required";
    public const string Unauthorized = "/problems/unauthorized";
    public const string PayloadTooLarge = "/problems/payload-too-large";
    public const string UnsupportedMediaType = "/problems/unsupported-media-type";
    public const string LimitReached = "/problems/limit-reached";

    /// <summary>The event is a read-only Google entry (out of office, focus time, birthday, from Gmail): 409.</summary>
    public const string ReadOnlyEvent = "/problems/read-only-event";
    public const string TooManyRequests = "/problems/too-many-requests";
    /// <summary>The chat has no API key configured: retrying will not help until an operator sets one.</summary>
    public const string ChatUnavailable = "/problems/chat-unavailable";

    /// <summary>The chat model is configured but not answering (throttled, failing, too slow): try again later.</summary>
    public const string ChatModelUnavailable = "/problems/chat-model-unavailable";
    public const string Internal = "/problems/internal";

    /// <summary>No VAPID key pair is configured, so no browser can subscribe to Web Push here.</summary>
    public const string WebPushUnavailable = "/problems/web-push-unavailable";
    /// <summary>A snooze of a reminder already dismissed (in this tab or another): 409.</summary>
    public const string ReminderDismissed = "/problems/reminder-dismissed";
    public const string GoogleNotConfigured = "/problems/google-not-configured";
    public const string GoogleNotConnected = "/problems/google-not-connected";
    public const string GoogleUnavailable = "/problems/google-unavailable";
}
