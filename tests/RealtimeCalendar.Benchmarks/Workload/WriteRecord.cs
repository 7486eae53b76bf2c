namespace RealtimeCalendar.Benchmarks.Workload;

/// <summary>
/// One write through the HTTP API. <see cref="SentAt"/> is taken just before the request goes out and
/// <see cref="RespondedAt"/> once the response body is read (both <see cref="System.Diagnostics.Stopwatch"/> timestamps);
/// <see cref="EventId"/> and <see cref="Version"/> come from the response, so they are null/0 when the write failed.
/// </summary>
public sealed record WriteRecord(
    int Index,
    int UserIndex,
    WriteKind Kind,
    int StatusCode,
    string? EventId,
    long Version,
    long SentAt,
    long RespondedAt)
{
    public bool Succeeded => StatusCode is >= 200 and < 300 && EventId is not null;
}
