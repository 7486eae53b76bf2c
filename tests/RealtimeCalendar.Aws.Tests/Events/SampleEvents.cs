using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Aws.Tests.Events;

internal static class SampleEvents
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh user per test keeps tests independent inside one shared table.</summary>
    public static string NewUser() => "user-" + Guid.NewGuid().ToString("N");

    public static CalendarEvent Event(string userId, DateTimeOffset start, TimeSpan length, string title = "Lunch", long version = 1) => new(
        userId, EventIds.New(), title, start, start + length, AllDay: false, "Europe/Berlin",
        Description: "Bring the notes", Location: "Café Blau", version, Noon, "api");
}
