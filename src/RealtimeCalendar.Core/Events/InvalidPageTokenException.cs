namespace RealtimeCalendar.Core.Events;

/// <summary>A <c>pageToken</c> that no listing of this range handed out (altered, truncated, or from another range).</summary>
public sealed class InvalidPageTokenException(string message) : Exception(message);
