namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>What pushing one local change to Google ended in.</summary>
public enum GooglePushOutcome
{
    /// <summary>Google now holds the change.</summary>
    Pushed,

    /// <summary>Nothing to push: the change came from Google, only recorded a link, or was never on Google.</summary>
    NotNeeded,

    /// <summary>A newer local version exists; its own change will be pushed.</summary>
    Superseded,

    /// <summary>Google changed the event since we last saw it; a pull resolved it by the conflict rule.</summary>
    ResolvedByPull,

    NotConnected,

    /// <summary>An override whose series is not on Google yet; the series' insert sends it.</summary>
    WaitsForSeries,
}
