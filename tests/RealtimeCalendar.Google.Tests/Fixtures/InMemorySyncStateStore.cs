using System.Collections.Concurrent;
using RealtimeCalendar.Core.GoogleSync;

namespace RealtimeCalendar.Google.Tests.Fixtures;

public sealed class InMemorySyncStateStore : IGoogleSyncStateStore
{
    private readonly ConcurrentDictionary<string, GoogleSyncState> states = new(StringComparer.Ordinal);

    public Task<GoogleSyncState?> GetAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(states.GetValueOrDefault(userId));

    public Task PutAsync(GoogleSyncState state, CancellationToken cancellationToken)
    {
        states[state.UserId] = state;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        states.TryRemove(userId, out _);
        return Task.CompletedTask;
    }

    public Task<string?> FindUserByChannelAsync(string channelId, CancellationToken cancellationToken) =>
        Task.FromResult(states.Values.FirstOrDefault(s => s.Channel?.Id == channelId)?.UserId);
}
