namespace RealtimeCalendar.Core.Recurrence;

/// <summary>
/// Bounds on a series that protect the bill: every one is checked before anything is stored, and a query never
/// expands more than <see cref="MaxOccurrencesPerQuery"/> occurrences however wide its range.
/// </summary>
public static class RecurrenceLimits
{
    /// <summary>Lines in <c>recurrence</c> (one RRULE plus EXDATE/RDATE lines); more is a 400.</summary>
    public const int MaxLines = 50;

    /// <summary>Characters in one <c>recurrence</c> line; longer is a 400.</summary>
    public const int MaxLineLength = 4_000;

    /// <summary>EXDATE and RDATE values together, over all lines of one series; more is a 400.</summary>
    public const int MaxDateEntries = 500;

    /// <summary>The largest <c>COUNT</c> a rule may give; larger is a 400.</summary>
    public const int MaxCount = 5_000;

    /// <summary>The largest <c>INTERVAL</c>; larger is a 400.</summary>
    public const int MaxInterval = 1_000;

    /// <summary>Occurrences one range query expands over all series of a user; past it the answer says it was cut.</summary>
    public const int MaxOccurrencesPerQuery = 2_500;

    /// <summary>
    /// Moved or edited occurrences stored beside one series; one more is a 409. A "this and following" split moves the
    /// later ones with the new series in one DynamoDB transaction, which holds at most 100 items (the two series and
    /// every override), so the bound sits below that. Cancelled occurrences are EXDATEs and count against
    /// <see cref="MaxDateEntries"/> instead.
    /// </summary>
    public const int MaxOverridesPerSeries = 90;

    /// <summary>Series one user may hold (each is expanded by every range query it overlaps); one more is a 409.</summary>
    public const int MaxSeriesPerUser = 1_000;

    /// <summary>
    /// How many candidate periods the expander may test without finding an occurrence before it calls the rule empty
    /// (RFC 5545 allows rules such as the 30th of February that never occur).
    /// </summary>
    internal const int MaxUnmatchedIncrements = 2_000;
}
