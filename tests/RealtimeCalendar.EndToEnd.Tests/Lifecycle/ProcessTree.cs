using System.Globalization;

namespace RealtimeCalendar.EndToEnd.Tests.Lifecycle;

/// <summary>Processes as Linux's /proc shows them: parent links, liveness (a zombie is dead: it only waits to be reaped).</summary>
internal static class ProcessTree
{
    public static IReadOnlyList<int> DescendantsOf(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } stat)
                parents[pid] = stat.ParentId;
        }

        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var (pid, parentId) in parents)
            {
                if (parentId == parent && !found.Contains(pid))
                {
                    found.Add(pid);
                    frontier.Enqueue(pid);
                }
            }
        }

        return found.Where(IsAlive).ToList();
    }

    public static bool IsAlive(int pid) => Stat(pid) is { State: not ('Z' or 'X') };

    /// <summary>What each live pid is, for assertion messages.</summary>
    public static string Describe(IEnumerable<int> pids) =>
        string.Join("; ", pids.Select(pid => $"{pid}: {Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ').Trim()}"));

    public static void Kill(IEnumerable<int> pids)
    {
        foreach (var pid in pids.Where(IsAlive))
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone meanwhile.
            }
        }
    }

    /// <summary>Polls until none of <paramref name="pids"/> is alive; returns those still alive at the deadline.</summary>
    public static async Task<IReadOnlyList<int>> WaitUntilGoneAsync(IReadOnlyList<int> pids, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var alive = pids.Where(IsAlive).ToList();
            if (alive.Count == 0 || TimeProvider.System.GetElapsedTime(started) > timeout)
                return alive;
            await Task.Delay(100);
        }
    }

    private static (char State, int ParentId)? Stat(int pid)
    {
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
        var stat = Read($"/proc/{pid}/stat");
        if (stat is null || stat.LastIndexOf(')') is var end && end < 0)
            return null;
        var fields = stat[(end + 2)..].Split(' ');
        return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
