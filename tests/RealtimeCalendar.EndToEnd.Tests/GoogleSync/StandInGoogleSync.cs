using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Aws.GoogleSync;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google;
using RealtimeCalendar.Google.Auth;
using RealtimeCalendar.Local.Hosting;
using RealtimeCalendar.StandIns.Google;

namespace RealtimeCalendar.EndToEnd.Tests.GoogleSync;

/// <summary>
/// A <see cref="GoogleSyncService"/> on the local cloud's real tables, talking to a stand-in Google server through the
/// real Google.Apis client, for tests that drive a pull directly.
/// </summary>
internal sealed class StandInGoogleSync : IAsyncDisposable
{
    private readonly string tokenDirectory = Path.Combine(Path.GetTempPath(), "rc-e2e-google-" + Guid.NewGuid().ToString("N"));
    private readonly GoogleAuthorizationFlow authorization;

    private StandInGoogleSync(GoogleCalendarServer google, LocalCloud cloud, ILogger<GoogleSyncService>? logger)
    {
        Google = google;
        var options = new GoogleApiOptions
        {
            ClientId = GoogleCalendarServer.ClientId,
            ClientSecret = GoogleCalendarServer.ClientSecret,
            AuthorizationEndpoint = google.AuthorizationEndpoint,
            TokenEndpoint = google.TokenEndpoint,
            CalendarBaseUri = google.CalendarBaseUri,
            RetryInitialDelay = TimeSpan.FromMilliseconds(20),
        };
        authorization = new GoogleAuthorizationFlow(options, TimeProvider.System);
        var services = cloud.Services;
        Sync = new GoogleSyncService(
            services.Events,
            new DynamoDbGoogleSyncStateStore(services.DynamoDb, services.Settings.SessionsTable),
            new EncryptedFileGoogleTokenStore(tokenDirectory, Path.Combine(tokenDirectory, "google-token.key")),
            new GoogleCalendarClientFactory(options, authorization, NullLoggerFactory.Instance),
            new GoogleSyncOptions(),
            TimeProvider.System,
            logger ?? NullLogger<GoogleSyncService>.Instance);
    }

    public GoogleCalendarServer Google { get; }

    public GoogleSyncService Sync { get; }

    public static async Task<StandInGoogleSync> StartAsync(LocalCloud cloud, ILogger<GoogleSyncService>? logger = null) =>
        new(await GoogleCalendarServer.StartAsync(TimeProvider.System), cloud, logger);

    public Task<GoogleSyncResult> ConnectAsync(string userId) => Sync.ConnectAsync(userId, Google.IssueRefreshToken(), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        authorization.Dispose();
        await Google.DisposeAsync();
        if (Directory.Exists(tokenDirectory))
            Directory.Delete(tokenDirectory, recursive: true);
    }
}
