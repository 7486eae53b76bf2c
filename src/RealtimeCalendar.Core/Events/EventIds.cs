namespace RealtimeCalendar.Core.Events;

/// <summary>Event ids are server-made, time-ordered and of one fixed shape, so anything else is rejected before any I/O.</summary>
public static class EventIds
{
    public const int Length = 32;

    public static string New() => Guid.CreateVersion7().ToString("N");

    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
