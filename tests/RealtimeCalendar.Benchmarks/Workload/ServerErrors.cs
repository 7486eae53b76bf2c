using System.Collections.Concurrent;

namespace RealtimeCalendar.Benchmarks.Workload;

/// <summary>Every 5xx a client of the chaos run saw, by what it was doing (write, ticket, handshake, reload): the run must see none.</summary>
public sealed class ServerErrors
{
    private readonly ConcurrentDictionary<string, int> byCall = new(StringComparer.Ordinal);

    public int Total => byCall.Values.Sum();

    public IReadOnlyDictionary<string, int> ByCall => new SortedDictionary<string, int>(byCall, StringComparer.Ordinal);

    /// <summary>Notes the status when it is a 5xx.</summary>
    public void Note(string call, int statusCode)
    {
        if (statusCode >= 500)
            byCall.AddOrUpdate($"{call} {statusCode}", 1, (_, n) => n + 1);
    }
}
