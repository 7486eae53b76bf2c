namespace RealtimeCalendar.Core.Events;

/// <summary>An item a <see cref="SeriesWrite"/> deletes, and the version its tombstone keeps (the last version it had).</summary>
public sealed record EventTombstone(string EventId, long Version);
