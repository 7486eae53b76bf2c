using System.Collections.Concurrent;
using RealtimeCalendar.Core.GoogleSync;

namespace RealtimeCalendar.Google.Tests.Fixtures;

public sealed class InMemoryAuthorizationRequestStore : IGoogleAuthorizationRequestStore
{
    private readonly ConcurrentDictionary<string, GoogleAuthorizationRequest> requests = new(StringComparer.Ordinal);

    public IReadOnlyCollection<GoogleAuthorizationRequest> Pending => [.. requests.Values];

    public Task PutAsync(GoogleAuthorizationRequest request, CancellationToken cancellationToken)
    {
        requests[request.StateHash] = request;
        return Task.CompletedTask;
    }

    public Task<GoogleAuthorizationRequest?> TakeAsync(string stateHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(requests.TryRemove(stateHash, out var request) && request.ExpiresAt > now ? request : null);
}
