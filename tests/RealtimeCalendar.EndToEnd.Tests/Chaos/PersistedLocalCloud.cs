using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.Chaos;

/// <summary>
/// A local cloud of a test's own, with DynamoDB Local on disk in a temporary folder, so the test can restart it without
/// losing the tables (and without disturbing the shared fixture's cloud).
/// </summary>
internal sealed class PersistedLocalCloud : IAsyncDisposable
{
    private readonly string dataDirectory;

    private PersistedLocalCloud(LocalCloud cloud, string dataDirectory)
    {
        Cloud = cloud;
        this.dataDirectory = dataDirectory;
    }

    public LocalCloud Cloud { get; }

    public static async Task<PersistedLocalCloud> StartAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "rc-e2e-restart-" + Guid.NewGuid().ToString("N"));
        var cloud = await LocalCloud.StartAsync(
            new LocalCloudOptions
            {
                Port = 0,
                DataDirectory = dataDirectory,
                ToolCacheDirectory = Path.Combine(LocalCloudCommandLine.DefaultDataDirectory(), "tools"),
                ServeClient = false,
                // Fault tests lose sockets seconds after opening them; the handshake grace is covered by Core's tests.
                ConnectionHandshakeGrace = TimeSpan.Zero,
            },
            NullLoggerFactory.Instance,
            CancellationToken.None);
        return new PersistedLocalCloud(cloud, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await Cloud.DisposeAsync();
        if (Directory.Exists(dataDirectory))
            Directory.Delete(dataDirectory, recursive: true);
    }
}
