namespace RealtimeCalendar.Core.Calendar;

/// <summary>Limits that protect the bill; configurable per deployment.</summary>
public sealed record CalendarOptions
{
    public const int DefaultMaxEventsPerUser = 10_000;

    public int MaxEventsPerUser { get; init; } = DefaultMaxEventsPerUser;
}
