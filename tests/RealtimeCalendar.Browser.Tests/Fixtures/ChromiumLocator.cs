namespace RealtimeCalendar.Browser.Tests.Fixtures;

/// <summary>
/// Finds the system's Chromium (Debian's <c>chromium</c> package). The tests never download a browser: without
/// one they skip locally, and fail under <c>CI=true</c>, where <c>.ci/run</c> installs it.
/// </summary>
public static class ChromiumLocator
{
    public const string DebianPath = "/usr/bin/chromium";

    /// <summary>The Chromium executable, or null when none is installed.</summary>
    public static string? Find()
    {
        if (File.Exists(DebianPath))
            return DebianPath;

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>CI services set <c>CI=true</c>; there a missing browser is a broken machine, not a reason to skip.</summary>
    public static bool RunningInCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
