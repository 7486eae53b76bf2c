namespace RealtimeCalendar.Deploy.Hosting;

/// <summary>Where the repository's pieces are, found from any folder inside it (deploy/, a test's bin folder).</summary>
public static class RepositoryLayout
{
    public const string SolutionFile = "RealtimeCalendar.sln";
    public const string LambdaDockerfile = "Dockerfile.lambda";

    public static string FindRoot(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                return directory.FullName;
        }

        throw new DirectoryNotFoundException($"No {SolutionFile} in {startDirectory} or any folder above it.");
    }

    public static string ClientDist(string repositoryRoot) => Path.Combine(repositoryRoot, "client", "dist");
}
