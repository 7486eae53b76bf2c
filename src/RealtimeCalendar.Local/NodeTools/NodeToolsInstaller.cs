using System.Security.Cryptography;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Local.NodeTools;

/// <summary>
/// Installs the local cloud's Node stand-ins (cognito-local, wscat) from the committed package-lock with
/// <c>npm ci</c> into the tool cache, once per lock file version. Install scripts are not run: neither needs them.
/// </summary>
public sealed class NodeToolsInstaller(string toolCacheDirectory, ILogger<NodeToolsInstaller> logger)
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public string InstallDirectory => Path.Combine(toolCacheDirectory, "node-tools");

    /// <summary>The wscat the local cloud installed (<c>wscat@6.1.0</c> from the committed lock), for the start-up banner.</summary>
    public string Wscat => Path.Combine(InstallDirectory, "node_modules", ".bin", "wscat");

    public string CognitoLocalEntryPoint => Path.Combine(InstallDirectory, "node_modules", "cognito-local", "lib", "bin", "start.js");

    public async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "NodeTools");
        var lockFile = await File.ReadAllBytesAsync(Path.Combine(source, "package-lock.json"), cancellationToken);
        var lockHash = Convert.ToHexStringLower(SHA256.HashData(lockFile));
        var marker = Path.Combine(InstallDirectory, ".installed-lock");
        if (File.Exists(marker) && await File.ReadAllTextAsync(marker, cancellationToken) == lockHash && File.Exists(CognitoLocalEntryPoint))
            return;

        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            // Other processes (another test assembly's local cloud, a dev run) may install into the same cache at once.
            Directory.CreateDirectory(InstallDirectory);
            await using var exclusive = await InterProcessLock.AcquireAsync(Path.Combine(toolCacheDirectory, "node-tools.lock"), cancellationToken);
            if (File.Exists(marker) && await File.ReadAllTextAsync(marker, cancellationToken) == lockHash && File.Exists(CognitoLocalEntryPoint))
                return;

            logger.LogInformation("Installing cognito-local and wscat with npm ci (once, ~130 MB)");
            File.Copy(Path.Combine(source, "package.json"), Path.Combine(InstallDirectory, "package.json"), overwrite: true);
            await File.WriteAllBytesAsync(Path.Combine(InstallDirectory, "package-lock.json"), lockFile, cancellationToken);
            await ToolCommand.RunAsync(
                "npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], InstallDirectory,
                "'npm' was not found on PATH; Node 20+ with npm is needed for cognito-local.", cancellationToken);
            await File.WriteAllTextAsync(marker, lockHash, cancellationToken);
        }
        finally
        {
            InstallLock.Release();
        }
    }

}
