using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.Fixtures;

/// <summary>
/// Where the build put a project's framework-dependent entry point: <c>src/&lt;project&gt;/bin/&lt;same configuration as
/// these tests&gt;/net10.0/&lt;binary&gt;</c> (or <c>tests/…</c> for a test-only program). Process-mode tests run these: the same programs the image's publish
/// compiles, without making every test run wait for a publish.
/// </summary>
public static class BuildOutput
{
    public static string Of(string project, string binary)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var repository = Path.GetDirectoryName(LocalCloudCommandLine.DefaultDataDirectory())!;
        var folder = Directory.Exists(Path.Combine(repository, "src", project)) ? "src" : "tests";
        return Path.Combine(repository, folder, project, "bin", configuration, testOutput.Name, binary);
    }
}
