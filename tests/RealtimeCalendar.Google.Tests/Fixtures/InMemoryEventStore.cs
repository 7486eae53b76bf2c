using System.Collections.Concurrent;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Google.Tests.Fixtures;

/// <summary>
/// <see cref="IEventStore"/> with the Events table's contract (conditional writes, a replacement keeps the stored
/// Google link, a delete leaves a tombstone and a re-creation must grow the version; a series change is one
/// all-or-nothing transaction guarded by the series' version), recording each committed change the way the table's
/// stream would report it: one record per item, a series change included.
/// </summary>
public sealed class InMemoryEventStore : IEventStore
{
    private readonly object gate = new();
    private readonly Dictionary<(string, string), CalendarEvent> events = [];
    private readonly Dictionary<(string, string), long> tombstones = [];
    private readonly ConcurrentQueue<StoredChange> changes = new();

    public IReadOnlyList<StoredChange> Changes => [.. changes];

    public IReadOnlyList<CalendarEvent> All(string userId)
    {
        lock (gate)
            return [.. events.Values.Where(e => e.UserId == userId).OrderBy(e => e.Start)];
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
            var key = (calendarEvent.UserId, calendarEvent.EventId);
            if (events.ContainsKey(key) || (tombstones.TryGetValue(key, out var deleted) && calendarEvent.Version <= deleted))
                return Task.FromResult(StoreWriteOutcome.VersionConflict);
            events[key] = calendarEvent;
            tombstones.Remove(key);
            changes.Enqueue(new StoredChange(null, calendarEvent));
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
            events.Remove((userId, eventId));
            tombstones[(userId, eventId)] = stored.Version;
            changes.Enqueue(new StoredChange(stored, null));
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
        var skip = pageToken is null ? 0 : int.TryParse(pageToken, out var position) ? position : throw new InvalidPageTokenException("Not a position.");
        lock (gate)
        {
            var matching = events.Values.Where(e => e.UserId == userId && !e.IsSeries && range.Overlaps(e.Start, e.End)).OrderBy(e => e.Start).ToList();
            var page = matching.Skip(skip).Take(maxResults).ToList();
            var next = skip + page.Count < matching.Count ? (skip + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new EventPage(page, next));
        }
    }

    /// <summary>Series whose span (start .. end of the last occurrence, open-ended when null) overlaps the range.</summary>
    public Task<IReadOnlyList<CalendarEvent>> QuerySeriesAsync(string userId, TimeRange range, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<CalendarEvent> found = [.. events.Values.Where(e => e.UserId == userId && e.IsSeries && range.Overlaps(e.Start, e.LastOccurrenceEnd ?? DateTimeOffset.MaxValue))];
            return Task.FromResult(found);
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
        {
            IReadOnlyList<CalendarEvent> found = [.. eventIds.Distinct(StringComparer.Ordinal).Select(id => events.GetValueOrDefault((userId, id))).OfType<CalendarEvent>()];
            return Task.FromResult(found);
        }
    }

    /// <summary>
    /// One transaction, as the DynamoDB adapter's TransactWriteItems: the series must be live at the expected version (its
    /// update keeps the stored Google link when the new state has none, as a replacement does), every put must grow the
    /// version stored under its id (live or tombstone) and is written whole, every delete leaves a tombstone at its
    /// version; any condition failing writes nothing.
    /// </summary>
    public Task<StoreWriteOutcome> WriteSeriesAsync(SeriesWrite write, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var seriesKey = (write.UserId, write.SeriesId);
            if (!events.TryGetValue(seriesKey, out var storedSeries) || storedSeries.Version != write.ExpectedVersion)
                return Task.FromResult(StoreWriteOutcome.VersionConflict);
            if (write.Series is { } next && (next.EventId != write.SeriesId || next.Version <= write.ExpectedVersion))
                throw new ArgumentException("A series write must keep the series id and grow its version.", nameof(write));
            foreach (var put in write.Puts)
            {
                var key = (write.UserId, put.EventId);
                var stored = events.TryGetValue(key, out var live) ? live.Version : tombstones.GetValueOrDefault(key);
                if (put.UserId != write.UserId || put.EventId == write.SeriesId || put.Version <= stored)
                    return Task.FromResult(StoreWriteOutcome.VersionConflict);
            }

            if (write.Series is { } series)
            {
                series = series with { GoogleLink = series.GoogleLink ?? storedSeries.GoogleLink };
                events[seriesKey] = series;
                changes.Enqueue(new StoredChange(storedSeries, series));
            }
            else
            {
                events.Remove(seriesKey);
                tombstones[seriesKey] = storedSeries.Version;
                changes.Enqueue(new StoredChange(storedSeries, null));
            }

            foreach (var put in write.Puts)
            {
                var key = (write.UserId, put.EventId);
                var before = events.GetValueOrDefault(key);
                events[key] = put;
                tombstones.Remove(key);
                changes.Enqueue(new StoredChange(before, put));
            }

            foreach (var delete in write.Deletes)
            {
                var key = (write.UserId, delete.EventId);
                // An unconditional tombstone, as the adapter's: the series' condition is what guards its overrides.
                if (events.Remove(key, out var before))
                    changes.Enqueue(new StoredChange(before, null));
                tombstones[key] = delete.Version;
            }

            return Task.FromResult(StoreWriteOutcome.Written);
        }
    }

    public Task<int> CountAsync(string userId, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(events.Values.Count(e => e.UserId == userId));
    }

    /// <summary>Drops an event's link without a stream record, as if the write that recorded it had never happened.</summary>
    public void ForgetGoogleLink(string userId, string eventId)
    {
        lock (gate)
            events[(userId, eventId)] = events[(userId, eventId)] with { GoogleLink = null };
    }

    private Task<StoreWriteOutcome> Update(string userId, string eventId, long expectedVersion, Func<CalendarEvent, CalendarEvent> change)
    {
        lock (gate)
        {
            if (!events.TryGetValue((userId, eventId), out var stored))
                return Task.FromResult(StoreWriteOutcome.NotFound);
            if (stored.Version != expectedVersion)
                return Task.FromResult(StoreWriteOutcome.VersionConflict);
            var updated = change(stored);
            events[(userId, eventId)] = updated;
            changes.Enqueue(new StoredChange(stored, updated));
            return Task.FromResult(StoreWriteOutcome.Written);
        }
    }
}
