using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.LambdaRuntime;

/// <summary>
/// A second local cloud that runs every function as <c>bootstrap</c> child processes over the Lambda Runtime API
/// (<c>--lambda process</c>). It runs the framework-dependent <c>bootstrap</c> that the build of
/// RealtimeCalendar.Functions produces: the same program the container's Native AOT publish compiles, without
/// making every test run wait for an AOT publish.
/// </summary>
public sealed class ProcessModeFixture : IAsyncLifetime
{
    public LocalCloud Cloud { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new LocalCloudOptions
        {
            Port = 0,
            InMemory = true,
            DataDirectory = Path.Combine(Path.GetTempPath(), "rc-e2e-unused"),
            ToolCacheDirectory = Path.Combine(LocalCloudCommandLine.DefaultDataDirectory(), "tools"),
            ServeClient = false,
            Lambda = LambdaMode.Process,
            BootstrapPath = FunctionsBuildOutput(),
        };
        Cloud = await LocalCloud.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
    }

    /// <summary><c>src/RealtimeCalendar.Functions/bin/&lt;same configuration as these tests&gt;/net10.0/bootstrap</c>.</summary>
    private static string FunctionsBuildOutput()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var repository = Path.GetDirectoryName(LocalCloudCommandLine.DefaultDataDirectory())!;
        return Path.Combine(repository, "src", "RealtimeCalendar.Functions", "bin", configuration, testOutput.Name, "bootstrap");
    }

    public async Task DisposeAsync()
    {
        if (Cloud is not null)
            await Cloud.DisposeAsync();
    }
}
