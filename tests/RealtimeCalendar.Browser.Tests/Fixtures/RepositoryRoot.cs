namespace RealtimeCalendar.Browser.Tests.Fixtures;

/// <summary>The checkout the tests run from: the folder holding <c>RealtimeCalendar.sln</c>.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RealtimeCalendar.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"No RealtimeCalendar.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Where tests leave files for a reviewer (<c>artifacts/</c> is git-ignored).</summary>
    public static string Artifact(params string[] parts) => Path.Combine([Find(), "artifacts", .. parts]);
}
