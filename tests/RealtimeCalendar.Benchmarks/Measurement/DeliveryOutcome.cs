namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>
/// What the sockets received against what the successful writes should have produced.
/// <see cref="Expected"/> is the sum over writes of the writer's socket count; <see cref="Received"/> counts each
/// (socket, event, version) once; <see cref="Duplicates"/> are the repeats; <see cref="Unmatched"/> are messages no
/// write of that socket's user explains (another user's change would land here); <see cref="OutOfOrder"/> counts
/// messages older than one the same socket already had for that event.
/// </summary>
public sealed record DeliveryOutcome(
    long Expected,
    long Received,
    long Missing,
    long Duplicates,
    long Unmatched,
    long OutOfOrder,
    long ArrivedBeforeResponse,
    int SocketsDroppedEarly,
    long OtherFrames,
    LatencySummary FromResponse,
    LatencySummary FromSend,
    LatencySummary LastSocketFromResponse,
    double PushesPerSecond,
    TimeSpan WallTime);
