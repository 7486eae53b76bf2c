using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.StandIns.Google;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.GoogleSync;

/// <summary>
/// A local cloud of its own with Google sync configured against the in-test Google server: the shared fixture runs
/// without Google, as a fresh checkout does.
/// </summary>
public class GoogleLocalCloudFixture : IAsyncLifetime
{
    public static readonly Uri WebhookUri = new("https://calendar.example.com/api/google/webhook");

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "rc-e2e-google-" + Guid.NewGuid().ToString("N"));

    public GoogleCalendarServer Google { get; private set; } = null!;

    public LocalCloud Cloud { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Google = await GoogleCalendarServer.StartAsync(TimeProvider.System);
        Cloud = await LocalCloud.StartAsync(
            Adjust(new LocalCloudOptions
            {
                Port = 0,
                InMemory = true,
                DataDirectory = dataDirectory,
                ToolCacheDirectory = Path.Combine(LocalCloudCommandLine.DefaultDataDirectory(), "tools"),
                ServeClient = false,
                Google = new GoogleSettings
                {
                    ClientId = GoogleCalendarServer.ClientId,
                    ClientSecret = GoogleCalendarServer.ClientSecret,
                    WebhookUri = WebhookUri,
                    TokenDirectory = Path.Combine(dataDirectory, "google"),
                    AuthorizationEndpoint = Google.AuthorizationEndpoint,
                    TokenEndpoint = Google.TokenEndpoint,
                    CalendarBaseUri = Google.CalendarBaseUri,
                },
            }),
            NullLoggerFactory.Instance,
            CancellationToken.None);
    }

    /// <summary>Lets a variant run the same cloud differently (its functions as processes, say).</summary>
    protected virtual LocalCloudOptions Adjust(LocalCloudOptions options) => options;

    public Task<TestUser> CreateUserAsync() => TestUser.CreateAsync(Cloud);

    public async Task DisposeAsync()
    {
        if (Cloud is not null)
            await Cloud.DisposeAsync();
        if (Google is not null)
            await Google.DisposeAsync();
        if (Directory.Exists(dataDirectory))
            Directory.Delete(dataDirectory, recursive: true);
    }
}
