using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.TimeZones;

namespace RealtimeCalendar.Core.Calendar;

/// <summary>
/// The calendar's use cases: list, read, create, replace and delete a user's events with validation
/// and optimistic concurrency. Every entry point that writes reaches the store only with valid input.
/// </summary>
public sealed class CalendarService(IEventStore store, TimeProvider time, CalendarOptions options, ILogger<CalendarService> logger)
{
    public const string SourceApi = "api";
    public const string SourceChat = "chat";

    public Task<IReadOnlyList<CalendarEvent>> ListAsync(string userId, TimeRange range, CancellationToken cancellationToken) =>
        store.QueryAsync(userId, range, cancellationToken);

    public async Task<CalendarEvent?> GetAsync(string userId, string eventId, CancellationToken cancellationToken) =>
        EventIds.IsWellFormed(eventId) ? await store.GetAsync(userId, eventId, cancellationToken) : null;

    public async Task<CalendarOutcome> CreateAsync(string userId, EventDraft draft, string source, CancellationToken cancellationToken)
    {
        var errors = EventValidator.Validate(draft);
        if (errors.Count > 0)
            return new CalendarOutcome.Invalid(errors);

        if (await store.CountAsync(userId, cancellationToken) >= options.MaxEventsPerUser)
            return new CalendarOutcome.LimitReached($"A calendar holds at most {options.MaxEventsPerUser} events.");

        var created = Materialize(userId, EventIds.New(), draft, version: 1, source);
        var outcome = await store.CreateAsync(created, cancellationToken);
        if (outcome != StoreWriteOutcome.Written)
            throw new InvalidOperationException($"A freshly generated event id collided ({outcome}).");

        logger.LogInformation("Event {EventId} created for {UserId} from {Source}", created.EventId, userId, source);
        return new CalendarOutcome.Stored(created);
    }

    public async Task<CalendarOutcome> ReplaceAsync(
        string userId, string eventId, long expectedVersion, EventDraft draft, string source, CancellationToken cancellationToken)
    {
        if (!EventIds.IsWellFormed(eventId))
            return new CalendarOutcome.NotFound();

        var errors = EventValidator.Validate(draft);
        if (errors.Count > 0)
            return new CalendarOutcome.Invalid(errors);

        var replaced = Materialize(userId, eventId, draft, expectedVersion + 1, source);
        var outcome = await store.ReplaceAsync(replaced, expectedVersion, cancellationToken);
        return await ToOutcomeAsync(outcome, userId, eventId, new CalendarOutcome.Stored(replaced), cancellationToken);
    }

    public async Task<CalendarOutcome> DeleteAsync(string userId, string eventId, long expectedVersion, CancellationToken cancellationToken)
    {
        if (!EventIds.IsWellFormed(eventId))
            return new CalendarOutcome.NotFound();

        var outcome = await store.DeleteAsync(userId, eventId, expectedVersion, cancellationToken);
        return await ToOutcomeAsync(outcome, userId, eventId, new CalendarOutcome.Deleted(), cancellationToken);
    }

    private async Task<CalendarOutcome> ToOutcomeAsync(
        StoreWriteOutcome outcome, string userId, string eventId, CalendarOutcome success, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case StoreWriteOutcome.Written:
                logger.LogInformation("Event {EventId} of {UserId}: {Outcome}", eventId, userId, success.GetType().Name);
                return success;
            case StoreWriteOutcome.NotFound:
                return new CalendarOutcome.NotFound();
            default:
                // Re-read so the caller learns which version won; it may have been deleted in between.
                var current = await store.GetAsync(userId, eventId, cancellationToken);
                return current is null ? new CalendarOutcome.NotFound() : new CalendarOutcome.VersionConflict(current.Version);
        }
    }

    private CalendarEvent Materialize(string userId, string eventId, EventDraft draft, long version, string source) =>
        new(
            userId,
            eventId,
            draft.Title!.Trim(),
            ToStoredPrecision(draft.Start!.Value),
            ToStoredPrecision(draft.End!.Value),
            draft.AllDay,
            IanaTimeZones.GetZone(draft.TimeZone!).Id,
            string.IsNullOrEmpty(draft.Description) ? null : draft.Description,
            string.IsNullOrEmpty(draft.Location) ? null : draft.Location,
            version,
            ToStoredPrecision(time.GetUtcNow()),
            source);

    /// <summary>Instants are kept to the millisecond, so what a write returns equals what a later read returns.</summary>
    private static DateTimeOffset ToStoredPrecision(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
