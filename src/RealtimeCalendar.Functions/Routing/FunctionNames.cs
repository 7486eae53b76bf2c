namespace RealtimeCalendar.Functions.Routing;

/// <summary>The functions the one <c>bootstrap</c> can be; a container's CMD (or <c>_HANDLER</c>) names one.</summary>
public static class FunctionNames
{
    public const string CalendarApi = "calendar-api";
    public const string Auth = "auth";
    public const string WsConnect = "ws-connect";
    public const string WsDefault = "ws-default";
    public const string Notify = "notify";
    public const string Chat = "chat";
    public const string GoogleSync = "google-sync";

    /// <summary>Pushes local changes to Google from the Events stream (a second reader beside notify).</summary>
    public const string GooglePush = "google-push";

    /// <summary>Stores and removes the browsers' Web Push subscriptions (the sending is the reminder sweep's).</summary>
    public const string PushSubscriptions = "push-subscriptions";

    /// <summary>The reminder sweep, woken once a minute by EventBridge Scheduler (locally by the local cloud's scheduler); it also sends Web Push to owners with no socket open, the one function given the VAPID private key.</summary>
    public const string Reminders = "reminders";

    /// <summary>The reminder routes of the HTTP API: default reminders, dismiss and snooze.</summary>
    public const string RemindersApi = "reminders-api";
}
