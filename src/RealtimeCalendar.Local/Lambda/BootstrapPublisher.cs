using System.Runtime.InteropServices;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Local.Lambda;

/// <summary>
/// Publishes the image's entry points for the out-of-process mode (<c>--lambda process</c>): <c>RealtimeCalendar.Functions</c>
/// as the Native AOT <c>bootstrap</c>, and <c>RealtimeCalendar.GoogleBootstrap</c> as <c>google-bootstrap</c> (JIT), as
/// the Dockerfile does for linux-arm64.
/// </summary>
public sealed class BootstrapPublisher(string toolCache, ILogger<BootstrapPublisher> logger)
{
    public Task<string> PublishAsync(CancellationToken cancellationToken) =>
        PublishAsync("RealtimeCalendar.Functions", "bootstrap", "--bootstrap", cancellationToken);

    public Task<string> PublishGoogleAsync(CancellationToken cancellationToken) =>
        PublishAsync("RealtimeCalendar.GoogleBootstrap", "google-bootstrap", "--google-bootstrap", cancellationToken);

    private async Task<string> PublishAsync(string projectName, string binary, string flag, CancellationToken cancellationToken)
    {
        var project = FindProject(projectName) ?? throw new LocalToolException(
            $"--lambda process needs the repository's src/{projectName} to publish {binary}, or {flag} PATH.");
        var outputDirectory = Path.Combine(toolCache, binary);
        // One publish at a time into one output folder: local clouds started side by side (test fixtures in parallel)
        // would otherwise write the same obj/ and output files at once and fail each other's builds.
        Directory.CreateDirectory(toolCache);
        await using var exclusive = await InterProcessLock.AcquireAsync(Path.Combine(toolCache, binary + ".publish.lock"), cancellationToken);
        logger.LogInformation("Publishing {Binary} for {Rid} (takes a minute)", binary, RuntimeInformation.RuntimeIdentifier);

        await ToolCommand.RunAsync(
            "dotnet",
            ["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", outputDirectory, "-nologo", "-v", "quiet"],
            Directory.GetCurrentDirectory(),
            "'dotnet' was not found on PATH.",
            cancellationToken);
        return Path.Combine(outputDirectory, binary);
    }

    private static string? FindProject(string projectName)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, "src", projectName, projectName + ".csproj");
            if (File.Exists(project))
                return project;
        }

        return null;
    }
}
