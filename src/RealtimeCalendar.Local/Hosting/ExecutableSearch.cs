namespace RealtimeCalendar.Local.Hosting;

/// <summary>Finds a program as a shell would: a path as given, else the first match on PATH.</summary>
public static class ExecutableSearch
{
    public static string? Find(string program)
    {
        if (program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
    }
}
