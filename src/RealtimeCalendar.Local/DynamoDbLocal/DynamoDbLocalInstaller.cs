using RealtimeCalendar.Local.Hosting;
using System.Security.Cryptography;

namespace RealtimeCalendar.Local.DynamoDbLocal;

/// <summary>
/// Fetches AWS's DynamoDB Local jar once, from the npm tarball of <c>amplify-dynamodb-simulator</c>, and keeps it
/// in the tool cache. Only the tarball is fetched (<c>npm pack</c>) and its sha512 is checked against the pinned
/// integrity, the same check a package-lock makes; the package's JavaScript is never installed or run.
/// </summary>
public sealed class DynamoDbLocalInstaller(string toolCacheDirectory, ILogger<DynamoDbLocalInstaller> logger)
{
    public const string Package = "amplify-dynamodb-simulator@2.9.30";
    public const string Integrity = "sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==";
    private const string TarballName = "amplify-dynamodb-simulator-2.9.30.tgz";
    private const string NpmMissing = "'npm' was not found on PATH; Node 20+ with npm is needed to fetch DynamoDB Local.";

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public string EmulatorDirectory => Path.Combine(toolCacheDirectory, "dynamodb-local-1.25.1");

    /// <summary>Returns the folder holding <c>DynamoDBLocal.jar</c>, downloading it first if needed.</summary>
    public async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        var jar = Path.Combine(EmulatorDirectory, "DynamoDBLocal.jar");
        if (File.Exists(jar))
            return EmulatorDirectory;

        await InstallLock.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(jar))
                return EmulatorDirectory;

            var staging = Path.Combine(toolCacheDirectory, $"staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(staging);
            try
            {
                logger.LogInformation("Fetching DynamoDB Local ({Package}, ~56 MB, once)", Package);
                await ToolCommand.RunAsync("npm", ["pack", Package, "--silent"], staging, NpmMissing, cancellationToken);
                var tarball = Path.Combine(staging, TarballName);
                await VerifyIntegrityAsync(tarball, cancellationToken);
                await ToolCommand.RunAsync("tar", ["-xzf", TarballName, "package/emulator"], staging, "'tar' was not found on PATH; it is needed to unpack DynamoDB Local.", cancellationToken);

                // Another process may have finished first; the rename is what makes the install visible at once.
                if (!File.Exists(jar))
                {
                    try
                    {
                        Directory.Move(Path.Combine(staging, "package", "emulator"), EmulatorDirectory);
                    }
                    catch (IOException) when (File.Exists(jar))
                    {
                    }
                }
            }
            finally
            {
                Directory.Delete(staging, recursive: true);
            }

            return EmulatorDirectory;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task VerifyIntegrityAsync(string tarball, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(tarball);
        var hash = await SHA512.HashDataAsync(stream, cancellationToken);
        var actual = "sha512-" + Convert.ToBase64String(hash);
        if (!string.Equals(actual, Integrity, StringComparison.Ordinal))
            throw new LocalToolException($"{Package} failed its integrity check (got {actual}); refusing to run it.");
    }

}
