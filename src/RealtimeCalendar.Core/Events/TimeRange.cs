namespace RealtimeCalendar.Core.Events;

/// <summary>
/// A half-open window [From, To) of UTC instants; an event is in it when the two overlap. A zero-length event (a point
/// in time) is in it when From &lt;= Start &lt; To.
/// </summary>
public sealed record TimeRange(DateTimeOffset From, DateTimeOffset To)
{
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => start < To && (end > From || start >= From);

    /// <summary>Checks a requested list window; null when it is acceptable.</summary>
    public static ValidationError? Check(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is null)
            return new("from", "Query parameter 'from' is required, as an ISO-8601 instant.");
        if (to is null)
            return new("to", "Query parameter 'to' is required, as an ISO-8601 instant.");
        if (to <= from)
            return new("to", "'to' must be after 'from'.");
        if (to - from > EventLimits.MaxDuration)
            return new("to", "A range may span at most 366 days.");
        if (from < EventLimits.Earliest || to > EventLimits.Latest)
            return new("from", "The range must lie between the years 1900 and 2199.");
        return null;
    }
}
