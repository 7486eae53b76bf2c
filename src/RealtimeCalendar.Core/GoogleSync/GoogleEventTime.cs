namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>Google's start/end: either <see cref="DateTime"/> (a timed event) or <see cref="Date"/> (all-day, end exclusive).</summary>
public sealed record GoogleEventTime(DateTimeOffset? DateTime, DateOnly? Date, string? TimeZone);
