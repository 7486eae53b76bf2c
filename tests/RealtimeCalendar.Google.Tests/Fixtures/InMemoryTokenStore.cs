using System.Collections.Concurrent;
using RealtimeCalendar.Core.GoogleSync;

namespace RealtimeCalendar.Google.Tests.Fixtures;

public sealed class InMemoryTokenStore : IGoogleTokenStore
{
    private readonly ConcurrentDictionary<string, string> tokens = new(StringComparer.Ordinal);

    public Task PutAsync(string userId, string refreshToken, CancellationToken cancellationToken)
    {
        tokens[userId] = refreshToken;
        return Task.CompletedTask;
    }

    public Task<string?> GetAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(tokens.GetValueOrDefault(userId));

    public Task DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        tokens.TryRemove(userId, out _);
        return Task.CompletedTask;
    }
}
