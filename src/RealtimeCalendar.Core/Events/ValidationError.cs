namespace RealtimeCalendar.Core.Events;

/// <summary>One rejected input: the wire name of the field and why, in words a user can act on.</summary>
public sealed record ValidationError(string Field, string Message);
