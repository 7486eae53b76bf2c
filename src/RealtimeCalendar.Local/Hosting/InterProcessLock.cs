namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// Waits for an exclusive lock on a file (flock on Linux and macOS), for set-up work that several processes may start at
/// once (test assemblies each starting a local cloud, a dev run beside a test run). The kernel drops it when the holder dies.
/// </summary>
public static class InterProcessLock
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(200);

    /// <returns>The open lock file; disposing it releases the lock.</returns>
    public static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(RetryInterval, cancellationToken);
            }
        }
    }
}
