namespace RealtimeCalendar.Browser.Tests.Fixtures;

/// <summary>The browser contexts run in UTC, so the days and hours a test writes are the ones the week view shows.</summary>
public static class UtcDays
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);
}
