namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>Per-user sync state, and the reverse lookup a webhook needs (it names only a channel, never a user).</summary>
public interface IGoogleSyncStateStore
{
    Task<GoogleSyncState?> GetAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Stores the state; its channel (if any) becomes findable by <see cref="FindUserByChannelAsync"/>.</summary>
    Task PutAsync(GoogleSyncState state, CancellationToken cancellationToken);

    Task DeleteAsync(string userId, CancellationToken cancellationToken);

    Task<string?> FindUserByChannelAsync(string channelId, CancellationToken cancellationToken);
}
