namespace RealtimeCalendar.Core.Secrets;

/// <summary>
/// Where one secret (an API key) comes from: an environment variable locally, an SSM SecureString in the cloud.
/// Null when it is not configured. Implementations never log the value.
/// </summary>
public interface ISecretSource
{
    Task<string?> GetAsync(CancellationToken cancellationToken);
}
