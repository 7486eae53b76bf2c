using System.Collections.Concurrent;

namespace RealtimeCalendar.Local.WebSockets;

/// <summary>The sockets the local gateway holds, by connection id (API Gateway's own bookkeeping).</summary>
public sealed class LocalConnectionRegistry
{
    private readonly ConcurrentDictionary<string, LocalConnection> connections = new(StringComparer.Ordinal);

    public int Count => connections.Count;

    public void Add(LocalConnection connection) => connections[connection.ConnectionId] = connection;

    public void Remove(string connectionId) => connections.TryRemove(connectionId, out _);

    public LocalConnection? Find(string connectionId) =>
        connections.TryGetValue(connectionId, out var connection) && connection.IsOpen ? connection : null;

    public IReadOnlyList<LocalConnection> Snapshot() => [.. connections.Values];
}
