using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google.Tests.Fixtures;

namespace RealtimeCalendar.Google.Tests.Transport;

public sealed class TransportTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Rejected_access_token_is_refreshed_and_the_call_repeated()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        await rig.ConnectAsync();
        rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        var before = rig.Google.Requests.Count;
        // The second list page's access token is refused, as when Google expires a token early.
        rig.Google.CreateInGoogle("Review", Monday.AddHours(1), Monday.AddHours(2));
        rig.Google.CreateInGoogle("Lunch", Monday.AddHours(3), Monday.AddHours(4));
        rig.Google.RevokeAccessTokensAfter(calendarRequests: 1);

        var result = await rig.PullAsync();

        Assert.Equal(3, result.Created);
        var calls = rig.Google.Requests.Skip(before).Select(r => (r.PathAndQuery.StartsWith("/token", StringComparison.Ordinal) ? "token" : r.Method, r.Status));
        Assert.Equal([("token", 200), ("GET", 200), ("GET", 401), ("token", 200), ("GET", 200)], calls);
    }

    [Fact]
    public async Task Throttled_calls_back_off_and_then_succeed()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        await rig.ConnectAsync();
        rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        rig.Google.FailNextCalendarRequests(429, 2, retryAfter: "1");

        var clock = Stopwatch.StartNew();
        var result = await rig.PullAsync();

        Assert.Equal(1, result.Created);
        Assert.Equal(2, rig.Google.Requests.Count(r => r.Status == 429));
        // Retry-After: 1 was honoured for both retries.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task Persistent_server_errors_surface_after_the_retries_and_are_shown_as_the_last_sync_error()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        await rig.ConnectAsync();
        rig.Google.FailNextCalendarRequests(503, 50);

        var error = await Assert.ThrowsAsync<GoogleCalendarException>(rig.PullAsync);

        Assert.Equal(503, error.Status);
        Assert.Equal(rig.Options.MaxRetries + 1, rig.Google.Requests.Count(r => r.Status == 503));
        var state = await rig.Sync.GetStateAsync(GoogleSyncRig.UserId, CancellationToken.None);
        Assert.Equal("Google answered 503.", state!.LastSyncError);
    }

    [Fact]
    public async Task Unreachable_google_surfaces_as_unavailable_after_the_retries()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        await rig.ConnectAsync();
        // Port 1 on loopback refuses connections: no HTTP answer at all.
        var unreachable = rig.Options with { CalendarBaseUri = new Uri("http://127.0.0.1:1/calendar/v3/") };
        var sync = new GoogleSyncService(
            rig.Events,
            rig.States,
            rig.Tokens,
            new GoogleCalendarClientFactory(unreachable, rig.Authorization, NullLoggerFactory.Instance),
            new GoogleSyncOptions(),
            rig.Time,
            NullLogger<GoogleSyncService>.Instance);

        var error = await Assert.ThrowsAsync<GoogleCalendarException>(() => sync.PullAsync(GoogleSyncRig.UserId, CancellationToken.None));

        Assert.Equal(503, error.Status);
        Assert.Equal("Google answered 503.", (await rig.States.GetAsync(GoogleSyncRig.UserId, CancellationToken.None))!.LastSyncError);
    }

    [Fact]
    public async Task Revoked_refresh_token_surfaces_as_unauthorized()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        await rig.Tokens.PutAsync(GoogleSyncRig.UserId, "1//revoked", CancellationToken.None);
        await rig.States.PutAsync(new GoogleSyncState(GoogleSyncRig.UserId, rig.Time.GetUtcNow(), null, null, null, null), CancellationToken.None);

        var error = await Assert.ThrowsAsync<GoogleCalendarException>(rig.PullAsync);

        Assert.Equal(401, error.Status);
    }
}
