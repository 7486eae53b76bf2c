namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>How a return from Google's consent page ended; the callback turns each into a query flag for the app.</summary>
public enum GoogleConnectOutcome
{
    Connected,

    /// <summary>The user said no on Google's page.</summary>
    Declined,

    /// <summary>Unknown, expired or reused <c>state</c>: not a round trip we started, or one already finished.</summary>
    InvalidState,

    /// <summary>Google refused the code exchange.</summary>
    Failed,
}
