namespace RealtimeCalendar.Core.Events;

/// <summary>
/// Where events live. Every write is conditional, so two writers can never silently overwrite each other.
/// Versions only ever grow for an id: a delete leaves a tombstone holding the deleted version, and an event created
/// again under that id (a Google event restored after a delete here) must carry a higher version, so every tab that
/// applied the delete applies the re-creation too. Tombstones are invisible to every read but
/// <see cref="GetLastVersionAsync"/>.
/// </summary>
public interface IEventStore
{
    Task<CalendarEvent?> GetAsync(string userId, string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new event, or re-creates a deleted one over its tombstone when its version is above the deleted one;
    /// <see cref="StoreWriteOutcome.VersionConflict"/> when the id is taken or the version does not grow.
    /// </summary>
    Task<StoreWriteOutcome> CreateAsync(CalendarEvent calendarEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the event only while its stored version still equals <paramref name="expectedVersion"/>. A replacement
    /// without a <see cref="CalendarEvent.GoogleLink"/> keeps the stored one, so an edit never loses the Google copy.
    /// </summary>
    Task<StoreWriteOutcome> ReplaceAsync(CalendarEvent calendarEvent, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Records which Google version the event now matches, without a new version: the content did not change, so tabs
    /// and concurrent editors are unaffected. Only while the stored version still equals <paramref name="expectedVersion"/>.
    /// </summary>
    Task<StoreWriteOutcome> SetGoogleLinkAsync(
        string userId, string eventId, long expectedVersion, GoogleEventLink link, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the event only while its stored version still equals <paramref name="expectedVersion"/>, leaving a
    /// tombstone at that version (reported on the stream as the delete).
    /// </summary>
    Task<StoreWriteOutcome> DeleteAsync(string userId, string eventId, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>The highest version the id ever had: the live event's, the deleted one's (its tombstone), or 0 when never used.</summary>
    Task<long> GetLastVersionAsync(string userId, string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the user's single events and stored overrides that overlap the range, including ones that began
    /// before it, earliest start first; never a scan. Series are not in it: <see cref="QuerySeriesAsync"/> reads them. <paramref name="pageToken"/> is null for the first page, else a <see cref="EventPage.NextPageToken"/>
    /// of the same range.
    /// </summary>
    /// <param name="maxResults">At most this many events (from 1; the listing asks for at most <see cref="EventPaging.StoreChunk"/>, so a page stays within its size budget).</param>
    /// <exception cref="InvalidPageTokenException">The token was not handed out for this range.</exception>
    Task<EventPage> QueryPageAsync(string userId, TimeRange range, int maxResults, string? pageToken, CancellationToken cancellationToken);

    /// <summary>
    /// Every series of the user whose span (first start .. end of its last occurrence, or open-ended) overlaps the
    /// range, read through the sparse series index: never a scan, never materialised occurrences.
    /// </summary>
    Task<IReadOnlyList<CalendarEvent>> QuerySeriesAsync(string userId, TimeRange range, CancellationToken cancellationToken);

    /// <summary>How many series the user has (used to enforce <see cref="Recurrence.RecurrenceLimits.MaxSeriesPerUser"/>).</summary>
    Task<int> CountSeriesAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The live items among <paramref name="eventIds"/> (missing and deleted ones are left out), in no order.</summary>
    Task<IReadOnlyList<CalendarEvent>> GetManyAsync(string userId, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="write"/> all or nothing; <see cref="StoreWriteOutcome.VersionConflict"/> when the series'
    /// version is not the expected one any more (or it is gone: the caller re-reads to tell).
    /// </summary>
    Task<StoreWriteOutcome> WriteSeriesAsync(SeriesWrite write, CancellationToken cancellationToken);

    /// <summary>How many events the user has stored (used to enforce the per-user cap).</summary>
    Task<int> CountAsync(string userId, CancellationToken cancellationToken);
}
