using System.Globalization;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// One local cloud per data folder: two would share DynamoDB Local's database file and cognito-local's pool. The lock is
/// an exclusive lock on <c>local-cloud.lock</c> in the folder (flock on Linux and macOS), which the kernel drops when the
/// holder dies however it dies, so a crash never leaves a stale lock. The holder's pid sits beside it for the message.
/// </summary>
public sealed class DataFolderLock : IAsyncDisposable
{
    private const string LockFileName = "local-cloud.lock";
    private const string PidFileName = "local-cloud.pid";

    private readonly FileStream lockFile;

    private DataFolderLock(FileStream lockFile) => this.lockFile = lockFile;

    /// <exception cref="LocalToolException">The folder cannot be written, or another local cloud holds it.</exception>
    public static DataFolderLock Acquire(string dataDirectory)
    {
        EnsureWritable(dataDirectory);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(dataDirectory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var holder = ReadHolder(dataDirectory);
            throw new LocalToolException(
                $"Another local cloud{(holder is null ? string.Empty : $" (pid {holder})")} is already using the data folder {dataDirectory}; " +
                "stop it first, or start this one with --data-dir DIR or --in-memory.");
        }

        File.WriteAllText(Path.Combine(dataDirectory, PidFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new DataFolderLock(lockFile);
    }

    /// <summary>Creates the folder if needed and proves a file can be written in it.</summary>
    /// <exception cref="LocalToolException">It cannot.</exception>
    public static void EnsureWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalToolException(
                $"The data folder {directory} is not writable ({e.Message.TrimEnd('.')}); choose another with --data-dir DIR.");
        }
    }

    public ValueTask DisposeAsync() => lockFile.DisposeAsync();

    private static string? ReadHolder(string dataDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(dataDirectory, PidFileName)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
