using System.Runtime.InteropServices;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Local.Lambda;

/// <summary>
/// Publishes <c>RealtimeCalendar.Functions</c> as the Native AOT <c>bootstrap</c> the container image holds, for the
/// out-of-process mode (<c>--lambda process</c>); the Dockerfile runs the same publish for linux-arm64.
/// </summary>
public sealed class BootstrapPublisher(string outputDirectory, ILogger<BootstrapPublisher> logger)
{
    public async Task<string> PublishAsync(CancellationToken cancellationToken)
    {
        var project = FindFunctionsProject() ?? throw new LocalToolException(
            "--lambda process needs the repository's src/RealtimeCalendar.Functions to publish bootstrap, or --bootstrap PATH.");
        logger.LogInformation("Publishing the Native AOT bootstrap for {Rid} (takes a minute)", RuntimeInformation.RuntimeIdentifier);

        await ToolCommand.RunAsync(
            "dotnet",
            ["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", outputDirectory, "-nologo", "-v", "quiet"],
            Directory.GetCurrentDirectory(),
            "'dotnet' was not found on PATH.",
            cancellationToken);
        return Path.Combine(outputDirectory, "bootstrap");
    }

    private static string? FindFunctionsProject()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, "src", "RealtimeCalendar.Functions", "RealtimeCalendar.Functions.csproj");
            if (File.Exists(project))
                return project;
        }

        return null;
    }
}
