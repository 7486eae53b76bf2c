using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Calendar;

/// <summary>
/// What one edit or delete of a series will write (<see cref="Write"/>) and what the caller is answered with
/// (<see cref="Result"/>: the changed occurrence, the series, or the new series of a split; null for a delete), or why it
/// cannot be done (<see cref="Refusal"/>).
/// </summary>
internal sealed record SeriesPlan(SeriesWrite? Write, CalendarEvent? Result, CalendarOutcome? Refusal)
{
    public static SeriesPlan Refused(CalendarOutcome refusal) => new(null, null, refusal);

    public static SeriesPlan Invalid(List<ValidationError> errors) => new(null, null, new CalendarOutcome.Invalid(errors));
}
