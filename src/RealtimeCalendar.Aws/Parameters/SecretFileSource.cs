using RealtimeCalendar.Core.Secrets;

namespace RealtimeCalendar.Aws.Parameters;

/// <summary>
/// The local cloud's stand-in for one SSM SecureString: a file in its data folder, created by the local cloud and
/// readable by its owner only. Read once and cached, as <see cref="SsmSecureStringSource"/> caches its parameter;
/// null while the file does not exist.
/// </summary>
public sealed class SecretFileSource(string path) : ISecretSource
{
    private string? value;

    public async Task<string?> GetAsync(CancellationToken cancellationToken)
    {
        if (value is not null)
            return value;
        if (!File.Exists(path))
            return null;
        var read = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
        value = read.Length == 0 ? null : read;
        return value;
    }
}
