namespace RealtimeCalendar.Core.Realtime;

/// <summary>The Connections table: which sockets each user has open.</summary>
public interface IConnectionStore
{
    Task PutAsync(ConnectionRecord connection, CancellationToken cancellationToken);

    Task DeleteAsync(string connectionId, CancellationToken cancellationToken);

    /// <summary>The user's connections through the userId index; never a scan.</summary>
    Task<IReadOnlyList<ConnectionRecord>> ListByUserAsync(string userId, CancellationToken cancellationToken);
}
