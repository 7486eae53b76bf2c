using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// A user's default reminders (<c>GET/PUT /api/settings/reminders</c>). Saving new defaults moves the pending
/// reminder of every event of the user that uses them (<c>useDefault</c>), found through the range indexes of the
/// Events table (the single events and overrides from yesterday on, and the series still running), never a scan.
/// </summary>
public sealed class ReminderSettingsService(
    IReminderSettingsStore settings, IEventStore events, IReminderIndex index, TimeProvider time, ILogger<ReminderSettingsService> logger)
{
    private const int PageSize = 500;
    private const int ParallelMoves = 8;

    public Task<ReminderSettings> GetAsync(string userId, CancellationToken cancellationToken) => settings.GetAsync(userId, cancellationToken);

    /// <summary>Saves <paramref name="updated"/> and moves the reminders that follow the defaults; the errors, each entry named, when it is not valid (nothing is saved then).</summary>
    public async Task<IReadOnlyList<ValidationError>> PutAsync(string userId, ReminderSettings updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        var errors = new List<ValidationError>();
        ReminderValidator.CheckDefaults(updated.DefaultReminders, "defaultReminders", errors);
        if (errors.Count > 0)
            return errors;

        var normalized = new ReminderSettings([.. updated.DefaultReminders.Select(r => ReminderOverride.Popup(r.Minutes))]);
        await settings.PutAsync(userId, normalized, cancellationToken);

        var now = ReminderSchedule.MinuteOf(time.GetUtcNow());
        var following = await FollowingDefaultsAsync(userId, now, cancellationToken);
        var moved = 0;
        await Parallel.ForEachAsync(
            following,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelMoves, CancellationToken = cancellationToken },
            async (e, token) =>
            {
                // An event changed meanwhile was planned by its own write, which read the defaults just saved or the old ones
                // a moment before: the race of a concurrent edit, logged and left.
                if (await index.MoveAsync(userId, e.EventId, e.Version, expectedDue: null, ReminderPlanner.Plan(e, normalized.Minutes, now), token))
                    Interlocked.Increment(ref moved);
                else
                    logger.LogInformation("Event {EventId} of {UserId} changed while its default reminders moved", e.EventId, userId);
            });

        logger.LogInformation("Default reminders of {UserId} set to {Minutes}; {Moved} of {Following} events that use them moved", userId, normalized.Minutes, moved, following.Count);
        return [];
    }

    private async Task<List<CalendarEvent>> FollowingDefaultsAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // An all-day event's reminders count from its day's start in its zone, up to 12 h after its UTC start: a day back covers them.
        var range = new TimeRange(now.AddDays(-1), EventLimits.Latest);
        var found = new List<CalendarEvent>();
        string? token = null;
        do
        {
            var page = await events.QueryPageAsync(userId, range, PageSize, token, cancellationToken);
            found.AddRange(page.Events);
            token = page.NextPageToken;
        }
        while (token is not null);
        found.AddRange(await events.QuerySeriesAsync(userId, range, cancellationToken));
        return found.Where(e => e.Reminders is null or { UseDefault: true }).ToList();
    }
}
