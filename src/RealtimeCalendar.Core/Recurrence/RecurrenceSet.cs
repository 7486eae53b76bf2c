namespace RealtimeCalendar.Core.Recurrence;

/// <summary>
/// A series' <c>recurrence</c> as Google Calendar API v3 holds it (an array of RFC 5545 lines), parsed and checked by
/// <see cref="RecurrenceParser"/>: at most one RRULE, and the EXDATE and RDATE values of every line.
/// </summary>
/// <param name="Lines">The lines as stored and sent back (canonical spelling, e.g. <c>RRULE:FREQ=WEEKLY;BYDAY=MO,TH</c>).</param>
/// <param name="Rule">The RRULE value (after <c>RRULE:</c>), or null for a series of RDATEs only.</param>
/// <param name="Frequency">The rule's FREQ, or null without a rule.</param>
/// <param name="Count">The rule's COUNT (RFC 5545: it counts DTSTART too), if given.</param>
/// <param name="Until">The rule's UNTIL (inclusive), if given.</param>
/// <param name="ExceptionDates">Every EXDATE value (RFC 5545 section 3.8.5.1).</param>
/// <param name="RecurrenceDates">Every RDATE value (RFC 5545 section 3.8.5.2).</param>
public sealed record RecurrenceSet(
    IReadOnlyList<string> Lines,
    string? Rule,
    RecurrenceFrequency? Frequency,
    int? Count,
    RecurrenceDateValue? Until,
    IReadOnlyList<RecurrenceDateValue> ExceptionDates,
    IReadOnlyList<RecurrenceDateValue> RecurrenceDates)
{
    /// <summary>True when the series ends: a rule with COUNT or UNTIL, or RDATEs only.</summary>
    public bool IsBounded => Rule is null || Count is not null || Until is not null;
}
