namespace RealtimeCalendar.Core.Events;

/// <summary>
/// Everything one change of a series writes, stored all or nothing (one DynamoDB transaction, at most 100 items:
/// <see cref="Recurrence.RecurrenceLimits.MaxOverridesPerSeries"/> keeps a split inside it). Applied only while the series'
/// stored version equals <see cref="ExpectedVersion"/>: that one condition guards every scope.
/// </summary>
/// <param name="Series">The series' new state (version <see cref="ExpectedVersion"/> + 1), or null to delete it (its
/// tombstone keeps <see cref="ExpectedVersion"/>, as a single delete does).</param>
/// <param name="Puts">Other items written whole: a split's new series, new or moved overrides. Each carries a version
/// above the one stored under its id, if any.</param>
/// <param name="Deletes">Overrides removed with it.</param>
public sealed record SeriesWrite(
    string UserId,
    string SeriesId,
    long ExpectedVersion,
    CalendarEvent? Series,
    IReadOnlyList<CalendarEvent> Puts,
    IReadOnlyList<EventTombstone> Deletes);
