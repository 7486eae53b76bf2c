using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Aws.GoogleSync;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using RealtimeCalendar.Google;
using RealtimeCalendar.Google.Auth;
using RealtimeCalendar.StandIns.Google;

namespace RealtimeCalendar.EndToEnd.Tests.GoogleSync;

/// <summary>
/// A change pulled from Google is an ordinary write to the Events table, so it reaches the user's open tabs through
/// the stream, notify and the Management API like any other.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class GooglePullReachesSocketTests(LocalCloudFixture fixture) : IDisposable
{
    private readonly string tokenDirectory = Path.Combine(Path.GetTempPath(), "rc-e2e-google-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Event_created_in_google_reaches_the_open_socket_after_a_pull()
    {
        var user = await fixture.CreateUserAsync();
        await using var tab = await RealtimeSession.OpenAsync(fixture, user);
        await using var google = await GoogleCalendarServer.StartAsync(TimeProvider.System);
        var start = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var created = google.CreateInGoogle("Dentist (from Google)", start, start.AddHours(1));
        var options = new GoogleApiOptions
        {
            ClientId = GoogleCalendarServer.ClientId,
            ClientSecret = GoogleCalendarServer.ClientSecret,
            AuthorizationEndpoint = google.AuthorizationEndpoint,
            TokenEndpoint = google.TokenEndpoint,
            CalendarBaseUri = google.CalendarBaseUri,
        };
        using var authorization = new GoogleAuthorizationFlow(options, TimeProvider.System);
        var services = fixture.Cloud.Services;
        var sync = new GoogleSyncService(
            services.Events,
            new DynamoDbGoogleSyncStateStore(services.DynamoDb, services.Settings.SessionsTable),
            new EncryptedFileGoogleTokenStore(tokenDirectory, Path.Combine(tokenDirectory, "google-token.key")),
            new GoogleCalendarClientFactory(options, authorization, NullLoggerFactory.Instance),
            new GoogleSyncOptions(),
            TimeProvider.System,
            NullLogger<GoogleSyncService>.Instance);

        var result = await sync.ConnectAsync(user.UserId, google.IssueRefreshToken(), CancellationToken.None);

        Assert.Equal(1, result.Created);
        var localId = GoogleEventIds.ToLocalId((string)created["id"]!);
        var message = await tab.NextChangeAsync(localId);
        Assert.Equal("upsert", (string?)message["op"]);
        Assert.Equal("Dentist (from Google)", (string?)message["event"]!["title"]);
        Assert.Equal(GoogleSyncService.SourceGoogle, (string?)message["event"]!["source"]);
        // The state went to the real Sessions table and reads back.
        var state = await sync.GetStateAsync(user.UserId, CancellationToken.None);
        Assert.StartsWith("sync-", state!.SyncToken, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(tokenDirectory))
            Directory.Delete(tokenDirectory, recursive: true);
    }
}
