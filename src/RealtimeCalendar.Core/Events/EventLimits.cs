namespace RealtimeCalendar.Core.Events;

/// <summary>
/// Bounds on user input. Together they keep a stored item a few kilobytes at most, far below
/// DynamoDB's 400 KB item limit, whatever the caller sends.
/// </summary>
public static class EventLimits
{
    public const int TitleMaxLength = 200;
    public const int LocationMaxLength = 500;
    public const int DescriptionMaxLength = 8_000;

    /// <summary>Events may start and end only inside these years, so instants keep a fixed-width sortable form.</summary>
    public static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Longest single event; also the longest range one list call may ask for.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(366);
}
