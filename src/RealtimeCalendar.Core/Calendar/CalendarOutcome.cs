using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Calendar;

/// <summary>Everything a calendar operation can end in; the HTTP layer maps each case to one status code.</summary>
public abstract record CalendarOutcome
{
    private CalendarOutcome()
    {
    }

    public sealed record Stored(CalendarEvent Event) : CalendarOutcome;

    public sealed record Deleted : CalendarOutcome;

    public sealed record Listed(EventPage Page) : CalendarOutcome;

    public sealed record Invalid(IReadOnlyList<ValidationError> Errors) : CalendarOutcome;

    public sealed record NotFound : CalendarOutcome;

    /// <summary>The caller's version is stale; <paramref name="CurrentVersion"/> is what is stored now.</summary>
    public sealed record VersionConflict(long CurrentVersion) : CalendarOutcome;

    public sealed record LimitReached(string Detail) : CalendarOutcome;

    /// <summary>The event is a Google status entry or birthday (<see cref="EventTypes"/>): it can be read, not changed.</summary>
    public sealed record ReadOnly(string EventType) : CalendarOutcome
    {
        /// <summary>Why, in words a user can act on.</summary>
        public string Detail => $"This event is a Google Calendar '{EventType}' entry; change or delete it in Google Calendar.";
    }
}
