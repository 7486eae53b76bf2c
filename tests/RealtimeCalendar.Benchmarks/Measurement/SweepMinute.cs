namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>One simulated minute: what its sweep did and what it cost, and how late its frames reached the sockets.</summary>
/// <param name="SweepMs">The sweep's own time (its report), index reads to last settled reminder.</param>
/// <param name="InvocationMs">From the clock reaching the minute to the invocation's answer (the schedule, the function, the sweep).</param>
/// <param name="DueReminders">Reminders due in this minute (all owners).</param>
/// <param name="ExpectedFrames">Of those, the ones with an open socket to go to.</param>
/// <param name="ReadUnits">Read capacity DynamoDB reported for the index queries (DynamoDB Local reports what DynamoDB would charge).</param>
/// <param name="ConnectionLookups">Look-ups of a user's sockets (Queries of the Connections table's user index): one per user with a reminder due.</param>
public sealed record SweepMinute(
    int Minute,
    double SweepMs,
    double InvocationMs,
    int DueReminders,
    int Entries,
    int Sent,
    int Waiting,
    int Failed,
    int IndexQueries,
    double ReadUnits,
    int ConnectionLookups,
    int ExpectedFrames,
    int FramesReceived,
    LatencySummary Lateness);
