using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// Gives every event the store writes its next due reminder (<see cref="ReminderDue"/>), at the write itself: so any
/// write from any source (the API, the chat, a Google pull, every scope of a series change) moves or cancels the
/// pending reminder with no second step to forget. Reminders due before the minute of the write are not given: an
/// event made at 09:55 for 10:00 has no 09:50 reminder.
/// </summary>
public sealed class ReminderPlanner(IReminderSettingsStore settings, TimeProvider time)
{
    // A timed event's anchor is its start and an all-day one's at most 12 h after its UTC midnight, so an event that
    // started more than a day ago has no reminder left: no need to read the defaults for it.
    private static readonly TimeSpan PastMargin = TimeSpan.FromDays(1);

    /// <summary>The next due reminder of each event (all of one user), in order; null where none is left.</summary>
    public async Task<IReadOnlyList<ReminderDue?>> PlanAsync(string userId, IReadOnlyList<CalendarEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var notBefore = ReminderSchedule.MinuteOf(time.GetUtcNow());
        IReadOnlyList<int>? defaults = null;
        var plans = new ReminderDue?[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (!e.IsSeries && e.Start < notBefore - PastMargin)
                continue;
            var minutes = e.Reminders is { UseDefault: false } own
                ? own.Minutes
                : defaults ??= (await settings.GetAsync(userId, cancellationToken)).Minutes;
            plans[i] = Plan(e, minutes, notBefore);
        }

        return plans;
    }

    /// <summary>The next due reminder of <paramref name="e"/> at or after <paramref name="notBefore"/> for these minutes.</summary>
    public static ReminderDue? Plan(CalendarEvent e, IReadOnlyList<int> minutes, DateTimeOffset notBefore) =>
        ReminderSchedule.Next(e, minutes, notBefore) is { } next ? new ReminderDue(next.DueAt, minutes) : null;
}
