using System.Security.Cryptography;
using System.Text;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Local.Client;

/// <summary>
/// Builds the browser client (<c>client/</c>, Vite) into <c>client/dist</c> when its sources changed since the last
/// build, installing its packages with <c>npm ci</c> when the lock file changed, so one command still runs everything.
/// </summary>
public sealed class ClientBuild(string clientDirectory, ILogger<ClientBuild> logger)
{
    private static readonly string[] SourceRoots = ["src", "index.html", "package.json", "package-lock.json", "vite.config.ts", "vite.worker.config.ts", "tsconfig.json"];

    public string DistDirectory => Path.Combine(clientDirectory, "dist");

    /// <summary>The repository's <c>client/</c> folder, or null when running outside a checkout.</summary>
    public static string? FindClientDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RealtimeCalendar.sln")))
            {
                var client = Path.Combine(dir.FullName, "client");
                return File.Exists(Path.Combine(client, "package.json")) ? client : null;
            }
        }

        return null;
    }

    public async Task EnsureBuiltAsync(CancellationToken cancellationToken)
    {
        // Test runs start several local clouds at once (one per test assembly); only one may run npm in client/.
        await using var exclusive = await AcquireBuildLockAsync(cancellationToken);
        var lockStamp = Path.Combine(clientDirectory, "node_modules", ".installed-lock");
        var lockHash = Hash(await File.ReadAllBytesAsync(Path.Combine(clientDirectory, "package-lock.json"), cancellationToken));
        if (!File.Exists(lockStamp) || await File.ReadAllTextAsync(lockStamp, cancellationToken) != lockHash)
        {
            logger.LogInformation("Installing the browser client's packages (npm ci)");
            await RunNpmAsync(["ci", "--no-audit", "--no-fund", "--loglevel=error"], cancellationToken);
            await File.WriteAllTextAsync(lockStamp, lockHash, cancellationToken);
        }

        var buildStamp = Path.Combine(DistDirectory, ".source-hash");
        var sourceHash = HashSources();
        if (File.Exists(buildStamp) && await File.ReadAllTextAsync(buildStamp, cancellationToken) == sourceHash)
            return;

        logger.LogInformation("Building the browser client (npm run build)");
        await RunNpmAsync(["run", "build", "--silent"], cancellationToken);
        await File.WriteAllTextAsync(buildStamp, sourceHash, cancellationToken);
    }

    private Task<FileStream> AcquireBuildLockAsync(CancellationToken cancellationToken) =>
        InterProcessLock.AcquireAsync(
            Path.Combine(Path.GetTempPath(), $"realtimecalendar-client-{Hash(Encoding.UTF8.GetBytes(clientDirectory))[..16]}.lock"), cancellationToken);

    /// <summary>A hash over the names and contents of every source file, so any edit (or a checkout) triggers a rebuild.</summary>
    private string HashSources()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var root in SourceRoots)
        {
            var path = Path.Combine(clientDirectory, root);
            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : File.Exists(path) ? [path] : Enumerable.Empty<string>();
            foreach (var file in files)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(clientDirectory, file)));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }


    private Task RunNpmAsync(string[] arguments, CancellationToken cancellationToken) =>
        ToolCommand.RunAsync("npm", arguments, clientDirectory, "'npm' was not found on PATH; Node 20+ with npm is needed to build the browser client.", cancellationToken);

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
