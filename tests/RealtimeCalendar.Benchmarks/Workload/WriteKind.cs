namespace RealtimeCalendar.Benchmarks.Workload;

public enum WriteKind
{
    /// <summary><c>POST /api/events</c>: a new event at version 1.</summary>
    Create,

    /// <summary><c>PUT /api/events/{id}</c> with <c>If-Match</c> on the version the writer last saw.</summary>
    Update,
}
