using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.Fixtures;

/// <summary>
/// The real local cloud (DynamoDB Local child process, tables, the API Gateway emulation, the functions) started
/// once for the test run, in memory, on a free port. The downloaded DynamoDB Local is shared with dev runs.
/// </summary>
public sealed class LocalCloudFixture : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "rc-e2e-" + Guid.NewGuid().ToString("N"));

    public LocalCloud Cloud { get; private set; } = null!;

    public const string DevelopmentUser = "e2e-developer";

    public async Task InitializeAsync()
    {
        var options = new LocalCloudOptions
        {
            Port = 0,
            InMemory = true,
            DataDirectory = dataDirectory,
            ToolCacheDirectory = Path.Combine(LocalCloudCommandLine.DefaultDataDirectory(), "tools"),
            DevelopmentUserId = DevelopmentUser,
            MaxEventsPerUser = 150,
        };
        Cloud = await LocalCloud.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
    }

    public HttpClient CreateClient() => new() { BaseAddress = Cloud.BaseUrl };

    public async Task DisposeAsync()
    {
        if (Cloud is not null)
            await Cloud.DisposeAsync();
        if (Directory.Exists(dataDirectory))
            Directory.Delete(dataDirectory, recursive: true);
    }
}
