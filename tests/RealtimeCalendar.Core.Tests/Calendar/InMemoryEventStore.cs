using System.Globalization;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Tests.Calendar;

/// <summary>
/// The Events table in a dictionary, with its contract: every write conditional on the version, a delete leaves a
/// tombstone, a re-created id must grow its version, a <see cref="SeriesWrite"/> lands all or nothing, range pages hold
/// single events and overrides, and series are found by their span.
/// </summary>
public sealed class InMemoryEventStore : IEventStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string, string), CalendarEvent> events = [];
    private readonly Dictionary<(string, string), long> tombstones = [];

    /// <summary>How many writes were committed; a refused call must leave it unchanged.</summary>
    public int Writes { get; private set; }

    public IReadOnlyList<CalendarEvent> All(string userId)
    {
        lock (gate)
            return [.. events.Values.Where(e => e.UserId == userId).OrderBy(e => e.Start).ThenBy(e => e.EventId, StringComparer.Ordinal)];
    }

    public Task<CalendarEvent?> GetAsync(string userId, string eventId, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(events.GetValueOrDefault((userId, eventId)));
    }

    public Task<StoreWriteOutcome> CreateAsync(CalendarEvent calendarEvent, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!CanPut(calendarEvent, liveVersion: null))
                return Task.FromResult(StoreWriteOutcome.VersionConflict);
            Put(calendarEvent);
            Writes++;
            return Task.FromResult(StoreWriteOutcome.Written);
        }
    }

    public Task<StoreWriteOutcome> ReplaceAsync(CalendarEvent calendarEvent, long expectedVersion, CancellationToken cancellationToken) =>
        Update(calendarEvent.UserId, calendarEvent.EventId, expectedVersion, stored => calendarEvent with { GoogleLink = calendarEvent.GoogleLink ?? stored.GoogleLink });

    public Task<StoreWriteOutcome> SetGoogleLinkAsync(
        string userId, string eventId, long expectedVersion, GoogleEventLink link, CancellationToken cancellationToken) =>
        Update(userId, eventId, expectedVersion, stored => stored with { GoogleLink = link });

    public Task<StoreWriteOutcome> DeleteAsync(string userId, string eventId, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!events.TryGetValue((userId, eventId), out var stored))
                return Task.FromResult(StoreWriteOutcome.NotFound);
            if (stored.Version != expectedVersion)
                return Task.FromResult(StoreWriteOutcome.VersionConflict);
            Remove(userId, eventId, stored.Version);
            Writes++;
            return Task.FromResult(StoreWriteOutcome.Written);
        }
    }

    public Task<long> GetLastVersionAsync(string userId, string eventId, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(events.TryGetValue((userId, eventId), out var live) ? live.Version : tombstones.GetValueOrDefault((userId, eventId)));
    }

    /// <summary>Pages by position in start order; the token is that position, which is all these tests need of it.</summary>
    public Task<EventPage> QueryPageAsync(string userId, TimeRange range, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        var skip = pageToken is null ? 0 : int.TryParse(pageToken, CultureInfo.InvariantCulture, out var position) ? position : throw new InvalidPageTokenException("Not a position.");
        lock (gate)
        {
            var matching = events.Values
                .Where(e => e.UserId == userId && !e.IsSeries && range.Overlaps(e.Start, e.End))
                .OrderBy(e => e.Start).ThenBy(e => e.EventId, StringComparer.Ordinal)
                .ToList();
            var page = matching.Skip(skip).Take(maxResults).ToList();
            var next = skip + page.Count < matching.Count ? (skip + page.Count).ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new EventPage(page, next));
        }
    }

    public Task<IReadOnlyList<CalendarEvent>> QuerySeriesAsync(string userId, TimeRange range, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<CalendarEvent>>(
                [.. events.Values.Where(e => e.UserId == userId && e.IsSeries && e.Start < range.To && (e.LastOccurrenceEnd is not { } last || last > range.From))]);
        }
    }

    public Task<int> CountSeriesAsync(string userId, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(events.Values.Count(e => e.UserId == userId && e.IsSeries));
    }

    public Task<IReadOnlyList<CalendarEvent>> GetManyAsync(string userId, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult<IReadOnlyList<CalendarEvent>>([.. eventIds.Distinct(StringComparer.Ordinal).Select(id => events.GetValueOrDefault((userId, id))).OfType<CalendarEvent>()]);
    }

    public Task<StoreWriteOutcome> WriteSeriesAsync(SeriesWrite write, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            // Every condition is checked before anything is written, as one DynamoDB transaction does.
            if (!events.TryGetValue((write.UserId, write.SeriesId), out var series) || series.Version != write.ExpectedVersion)
                return Task.FromResult(StoreWriteOutcome.VersionConflict);
            var puts = write.Series is null ? write.Puts : [write.Series, .. write.Puts];
            foreach (var item in write.Puts)
            {
                if (!CanPut(item, events.TryGetValue((item.UserId, item.EventId), out var current) ? current.Version : null))
                    return Task.FromResult(StoreWriteOutcome.VersionConflict);
            }

            if (write.Series is null)
                Remove(write.UserId, write.SeriesId, series.Version);
            foreach (var item in puts)
                Put(item);
            foreach (var gone in write.Deletes)
                Remove(write.UserId, gone.EventId, gone.Version);
            Writes++;
            return Task.FromResult(StoreWriteOutcome.Written);
        }
    }

    public Task<int> CountAsync(string userId, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(events.Values.Count(e => e.UserId == userId));
    }

    // A put over a live item needs a higher version; over a tombstone, a version above the deleted one.
    private bool CanPut(CalendarEvent item, long? liveVersion)
    {
        var key = (item.UserId, item.EventId);
        if (liveVersion is { } live)
            return item.Version > live;
        return !events.ContainsKey(key) && (!tombstones.TryGetValue(key, out var deleted) || item.Version > deleted);
    }

    private void Put(CalendarEvent item)
    {
        events[(item.UserId, item.EventId)] = item;
        tombstones.Remove((item.UserId, item.EventId));
    }

    private void Remove(string userId, string eventId, long version)
    {
        events.Remove((userId, eventId));
        tombstones[(userId, eventId)] = version;
    }

    private Task<StoreWriteOutcome> Update(string userId, string eventId, long expectedVersion, Func<CalendarEvent, CalendarEvent> change)
    {
        lock (gate)
        {
            if (!events.TryGetValue((userId, eventId), out var stored))
                return Task.FromResult(StoreWriteOutcome.NotFound);
            if (stored.Version != expectedVersion)
                return Task.FromResult(StoreWriteOutcome.VersionConflict);
            events[(userId, eventId)] = change(stored);
            Writes++;
            return Task.FromResult(StoreWriteOutcome.Written);
        }
    }
}
