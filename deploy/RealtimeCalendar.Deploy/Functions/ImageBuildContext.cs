namespace RealtimeCalendar.Deploy.Functions;

/// <summary>
/// The build context of the one Lambda image is the repository root. CDK copies it into <c>cdk.out</c> (and hashes
/// it) on every synth, so everything the Dockerfile does not need is left out here as well as in <c>.dockerignore</c>
/// (which CDK also reads): without this a synth copies build outputs, node_modules and local data.
/// </summary>
public static class ImageBuildContext
{
    public static IReadOnlyList<string> Exclusions { get; } =
    [
        "**/bin",
        "**/obj",
        "**/node_modules",
        "**/.local-data",
        "**/cdk.out",
        ".git",
        "client/node_modules",
        "client/dist",
        "**/TestResults",
    ];
}
