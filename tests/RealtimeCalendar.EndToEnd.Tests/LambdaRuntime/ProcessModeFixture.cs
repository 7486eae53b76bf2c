using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
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
            BootstrapPath = BuildOutput.Of("RealtimeCalendar.Functions", "bootstrap"),
        };
        Cloud = await LocalCloud.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Cloud is not null)
            await Cloud.DisposeAsync();
    }
}
