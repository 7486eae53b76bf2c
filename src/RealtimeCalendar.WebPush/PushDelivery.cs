namespace RealtimeCalendar.WebPush;

/// <summary>How one push message request to one subscription ended.</summary>
internal enum PushDelivery
{
    /// <summary>The push service accepted it (201, or 200/202 from Mozilla's autopush).</summary>
    Delivered,

    /// <summary>404 or 410: the subscription is gone and was deleted.</summary>
    Removed,

    /// <summary>Refused for good (400, 401, 403, 413 …): retrying the same request cannot help; logged as an error.</summary>
    Refused,

    /// <summary>Still failing after the retries for a reason that may pass (429, 5xx, network, timeout).</summary>
    Failed,
}
