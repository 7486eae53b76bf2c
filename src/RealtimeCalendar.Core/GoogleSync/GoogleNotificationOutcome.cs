namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>What a push notification from Google ended in.</summary>
public enum GoogleNotificationOutcome
{
    /// <summary>Unknown channel or wrong token: not from Google, or from a channel we stopped.</summary>
    Rejected,

    /// <summary>Google's <c>sync</c> handshake when a channel opens: nothing changed yet.</summary>
    Acknowledged,

    /// <summary>Changes were pulled.</summary>
    Pulled,
}
