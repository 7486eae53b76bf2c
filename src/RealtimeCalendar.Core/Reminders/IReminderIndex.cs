namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// The sparse due index over the Events table: only items with a pending reminder are in it, sorted by the minute it
/// is due, partitioned by <see cref="ReminderShards"/>. The sweep reads it; it never scans the table.
/// </summary>
public interface IReminderIndex
{
    /// <summary>Up to <paramref name="limit"/> entries of one shard due at or before <paramref name="upTo"/>, earliest first.</summary>
    Task<ReminderIndexRead<ReminderIndexEntry>> QueryDueAsync(int shard, DateTimeOffset upTo, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Moves an event's entry to <paramref name="next"/> (null takes it out of the index), only while the stored item is
    /// still the one read: the same version and, when <paramref name="expectedDue"/> is given, the same due minute. False
    /// when the event changed or is gone meanwhile (its own write then set its entry); nothing else changes, not even
    /// its version, so tabs and Google see no change.
    /// </summary>
    Task<bool> MoveAsync(string userId, string eventId, long version, DateTimeOffset? expectedDue, ReminderDue? next, CancellationToken cancellationToken);
}
