namespace RealtimeCalendar.Core.Secrets;

/// <summary>A secret known up front (read from the environment at start), or none.</summary>
public sealed class FixedSecret(string? value) : ISecretSource
{
    public Task<string?> GetAsync(CancellationToken cancellationToken) => Task.FromResult(string.IsNullOrWhiteSpace(value) ? null : value);
}
