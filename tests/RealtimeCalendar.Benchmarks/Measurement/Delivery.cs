namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>One <c>event.changed</c> message as a socket received it; <see cref="ReceivedAt"/> is a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
public readonly record struct Delivery(string EventId, long Version, string Op, long ReceivedAt);
