namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// Where a user's Google refresh token is kept, encrypted at rest (an SSM SecureString in the cloud, AES-GCM under a
/// key file locally). It is the only long-lived Google secret of the user, so it never lands in a table or a log.
/// </summary>
public interface IGoogleTokenStore
{
    Task PutAsync(string userId, string refreshToken, CancellationToken cancellationToken);

    Task<string?> GetAsync(string userId, CancellationToken cancellationToken);

    Task DeleteAsync(string userId, CancellationToken cancellationToken);
}
