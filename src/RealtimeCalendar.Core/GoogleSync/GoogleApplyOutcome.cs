namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>What applying one pulled Google event ended in.</summary>
internal enum GoogleApplyOutcome
{
    /// <summary>Done with this event, whether it was written, skipped, an echo or already gone: do not try again.</summary>
    Settled,

    /// <summary>A local write landed between our read and our conditional write: read again and decide again.</summary>
    LocalChangedMeanwhile,

    /// <summary>An exception of a series that is not stored (yet): apply it again once the listing has ended.</summary>
    SeriesNotHere,
}
