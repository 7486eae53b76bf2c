namespace RealtimeCalendar.Core.Calendar;

/// <summary>Limits that protect the bill; configurable per deployment.</summary>
public sealed record CalendarOptions
{
    public int MaxEventsPerUser { get; init; } = 10_000;
}
