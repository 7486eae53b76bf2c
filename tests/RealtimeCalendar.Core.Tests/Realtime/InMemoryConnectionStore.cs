using System.Collections.Concurrent;
using RealtimeCalendar.Core.Realtime;

namespace RealtimeCalendar.Core.Tests.Realtime;

/// <summary>The Connections table in a dictionary, with the same userId lookup.</summary>
public sealed class InMemoryConnectionStore : IConnectionStore
{
    private readonly ConcurrentDictionary<string, ConnectionRecord> records = new();

    public bool Contains(string connectionId) => records.ContainsKey(connectionId);

    public Task PutAsync(ConnectionRecord connection, CancellationToken cancellationToken)
    {
        records[connection.ConnectionId] = connection;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string connectionId, CancellationToken cancellationToken)
    {
        records.TryRemove(connectionId, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ConnectionRecord>> ListByUserAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConnectionRecord>>([.. records.Values.Where(r => r.UserId == userId).OrderBy(r => r.ConnectionId, StringComparer.Ordinal)]);
}
