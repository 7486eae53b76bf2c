namespace RealtimeCalendar.Lambda.Tests.AwsSamples;

/// <summary>
/// AWS's own sample events, read where they live rather than copied into the repository: <c>shared/aws-events/</c>
/// beside the repository root (the root is found by walking up from the test assembly to <c>RealtimeCalendar.sln</c>),
/// else <c>/work/shared/aws-events</c> (clones such as CI's <c>/tmp/ci-check</c> have no <c>shared/</c> beside them).
/// Missing samples fail the tests that need them: a contract test that silently reads nothing proves nothing.
/// </summary>
public static class AwsEventSamples
{
    private const string FallbackDirectory = "/work/shared/aws-events";

    public static string Directory { get; } = Locate();

    /// <summary>Every sample file (JSON), by file name.</summary>
    public static IReadOnlyList<string> FileNames =>
        [.. System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "RealtimeCalendar.sln")))
                continue;
            var beside = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "aws-events"));
            if (System.IO.Directory.Exists(beside))
                return beside;
            break;
        }

        return System.IO.Directory.Exists(FallbackDirectory)
            ? FallbackDirectory
            : throw new DirectoryNotFoundException(
                $"AWS's sample events were not found beside the repository (../shared/aws-events) nor at {FallbackDirectory}.");
    }
}
