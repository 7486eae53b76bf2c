namespace RealtimeCalendar.Core.Calendar;

/// <summary>
/// Which occurrences of a series an edit or delete of one occurrence reaches (Google Calendar's "this event", "this and
/// following events", "all events"; the API's <c>?scope=this|following|all</c>).
/// </summary>
public enum EditScope
{
    /// <summary>Only the addressed occurrence: an override item, or an EXDATE for a delete.</summary>
    This,

    /// <summary>The addressed occurrence and every later one: the series is split there (UNTIL on the old one, a new series).</summary>
    Following,

    /// <summary>The whole series.</summary>
    All,
}
