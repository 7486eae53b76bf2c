using System.Collections.Concurrent;
using RealtimeCalendar.Core.Limits;

namespace RealtimeCalendar.Core.Tests.Limits;

/// <summary>Counts in memory; the DynamoDB counter is tested against DynamoDB Local in the Aws tests.</summary>
internal sealed class InMemoryUsageCounter : IUsageCounter
{
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => [.. counts.Keys];

    public Task<long> IncrementAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Task.FromResult(counts.AddOrUpdate(key, 1, (_, count) => count + 1));
}
