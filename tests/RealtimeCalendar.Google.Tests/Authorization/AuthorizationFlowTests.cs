using System.Web;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google.Tests.Fixtures;
using RealtimeCalendar.StandIns.Google;

namespace RealtimeCalendar.Google.Tests.Authorization;

public sealed class AuthorizationFlowTests
{
    private static readonly Uri Callback = new("https://calendar.example.com/api/google/callback");

    [Fact]
    public async Task Authorization_uri_asks_for_offline_calendar_access_with_pkce_and_state()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var pkce = PkceCodes.Create();

        var uri = rig.Authorization.CreateAuthorizationUri(Callback, "state-123", pkce.Challenge);

        var query = HttpUtility.ParseQueryString(uri.Query);
        Assert.Equal(rig.Google.AuthorizationEndpoint.AbsolutePath, uri.AbsolutePath);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(GoogleCalendarServer.ClientId, query["client_id"]);
        Assert.Equal(Callback.ToString(), query["redirect_uri"]);
        Assert.Equal("state-123", query["state"]);
        Assert.Equal(pkce.Challenge, query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("offline", query["access_type"]);
        Assert.Contains("calendar.events", query["scope"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_exchange_with_the_matching_verifier_yields_a_refresh_token_that_works()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var pkce = PkceCodes.Create();
        var code = rig.Google.IssueAuthorizationCode(pkce.Challenge);

        var refreshToken = await rig.Authorization.ExchangeCodeAsync(code, pkce.Verifier, Callback, CancellationToken.None);
        var result = await rig.Sync.ConnectAsync(GoogleSyncRig.UserId, refreshToken, CancellationToken.None);

        Assert.StartsWith("1//", refreshToken, StringComparison.Ordinal);
        Assert.True(result.Connected);
    }

    [Fact]
    public async Task Code_exchange_with_another_verifier_is_refused()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var code = rig.Google.IssueAuthorizationCode(PkceCodes.Create().Challenge);

        var error = await Assert.ThrowsAsync<GoogleCalendarException>(
            () => rig.Authorization.ExchangeCodeAsync(code, PkceCodes.Create().Verifier, Callback, CancellationToken.None));

        Assert.Equal(400, error.Status);
    }
}
