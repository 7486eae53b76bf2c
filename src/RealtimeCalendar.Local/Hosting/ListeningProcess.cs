using System.Globalization;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// Which process listens on a TCP port, read from Linux's /proc (what <c>ss -ltnp</c> reads): the socket inode from
/// /proc/net/tcp and tcp6, then the process whose /proc/PID/fd links to it. Null when unknown (another OS, or a process
/// of another user this one may not inspect).
/// </summary>
public static class ListeningProcess
{
    private const string ListenState = "0A";
    private const int MaxCommandLength = 100;

    /// <summary>E.g. <c>java (pid 4242: java -jar …/DynamoDBLocal.jar -port 5082)</c>.</summary>
    public static string? Describe(int port)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        try
        {
            var inodes = ListeningInodes(port);
            if (inodes.Count == 0)
                return null;
            foreach (var processDirectory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(processDirectory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                    continue;
                if (HoldsAny(processDirectory, inodes))
                    return $"{Read(Path.Combine(processDirectory, "comm"))} (pid {pid.ToString(CultureInfo.InvariantCulture)}: {CommandLine(processDirectory)})";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // /proc is a courtesy here; the port is taken either way.
        }

        return null;
    }

    private static HashSet<string> ListeningInodes(int port)
    {
        var hexPort = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in (string[])["/proc/net/tcp", "/proc/net/tcp6"])
        {
            if (!File.Exists(table))
                continue;
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[1].EndsWith(hexPort, StringComparison.Ordinal) && fields[3] == ListenState)
                    inodes.Add($"socket:[{fields[9]}]");
            }
        }

        return inodes;
    }

    private static bool HoldsAny(string processDirectory, HashSet<string> socketLinks)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(Path.Combine(processDirectory, "fd"))
                .Any(fd => new FileInfo(fd).LinkTarget is { } target && socketLinks.Contains(target));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string CommandLine(string processDirectory)
    {
        var commandLine = Read(Path.Combine(processDirectory, "cmdline")).Replace('\0', ' ').Trim();
        return commandLine.Length <= MaxCommandLength ? commandLine : commandLine[..MaxCommandLength] + "…";
    }

    private static string Read(string path) => File.ReadAllText(path).Trim();
}
