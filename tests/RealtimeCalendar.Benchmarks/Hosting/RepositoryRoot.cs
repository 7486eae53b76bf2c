namespace RealtimeCalendar.Benchmarks.Hosting;

/// <summary>The checkout the benchmark runs from, so reports and the tool cache land in the same places wherever it is started.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "RealtimeCalendar.sln")))
                    return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository: RealtimeCalendar.sln was not found above the working directory.");
    }
}
