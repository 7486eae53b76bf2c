namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>
/// The floor under every push: how long after DynamoDB Local acknowledged a PutItem the local stream poller handed the
/// record to a function, measured on a scratch table with the same poller and settings as the Events trigger.
/// </summary>
public sealed record StreamFloor(LatencySummary FromPutResponse, LatencySummary PutRoundTrip, int Lost);
