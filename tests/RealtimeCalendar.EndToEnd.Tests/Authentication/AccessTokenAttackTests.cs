using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using RealtimeCalendar.Aws.Identity;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using RealtimeCalendar.Functions.Routing;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.Authentication;

/// <summary>
/// Tokens an attacker (or a confused client) presents to the real local cloud. Each is refused on every HTTP route
/// (401 with a Bearer challenge naming the reason) and on the socket handshake (401), and leaves nothing behind: no
/// event written or changed, no ticket issued or voided, no connection recorded or held.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class AccessTokenAttackTests(LocalCloudFixture fixture) : IAsyncLifetime
{
    private TestUser victim = null!;
    private string victimEvent = null!;

    public async Task InitializeAsync() => (victim, victimEvent) = await SeededUserAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Request_without_a_token_is_refused() =>
        await AssertRefusedEverywhereAsync(token: null, reason: null);

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6IkNvZ25pdG9Mb2NhbCJ9.e30")]
    public async Task Garbage_token_is_refused(string garbage) =>
        await AssertRefusedEverywhereAsync(garbage, CognitoTokenRejection.Malformed);

    [Fact]
    public async Task Unsigned_token_with_alg_none_is_refused() =>
        await AssertRefusedEverywhereAsync(ForgedTokens.Unsigned(GenuineClaims()), CognitoTokenRejection.AlgorithmNotAllowed);

    [Fact]
    public async Task HS256_token_signed_with_the_pools_public_key_as_secret_is_refused()
    {
        // The classic key-confusion attack: a verifier that trusts the header's alg would check this HMAC with the public key.
        var secret = new SymmetricSecurityKey(CognitoLocalSigningKey.PublicKeyPemBytes) { KeyId = CognitoLocalSigningKey.KeyId };
        var token = ForgedTokens.Sign(GenuineClaims(), new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));

        await AssertRefusedEverywhereAsync(token, CognitoTokenRejection.AlgorithmNotAllowed);
    }

    [Fact]
    public async Task Tampered_payload_claiming_another_user_is_refused()
    {
        var (target, targetEvent) = await SeededUserAsync();
        var claims = ForgedTokens.ClaimsOf(victim.AccessToken);
        claims["sub"] = target.UserId;
        claims["username"] = target.UserId;

        await AssertRefusedEverywhereAsync(
            ForgedTokens.WithPayload(victim.AccessToken, claims), CognitoTokenRejection.InvalidSignature, target, targetEvent);
    }

    [Fact]
    public async Task Token_with_an_unknown_kid_is_refused() =>
        await AssertRefusedEverywhereAsync(
            ForgedTokens.Sign(GenuineClaims(), CognitoLocalSigningKey.Credentials(keyId: "RotatedAway")), CognitoTokenRejection.UnknownSigningKey);

    [Fact]
    public async Task Token_signed_with_another_key_under_the_pools_kid_is_refused()
    {
        using var attackerKey = RSA.Create(2048);
        var credentials = new SigningCredentials(new RsaSecurityKey(attackerKey) { KeyId = CognitoLocalSigningKey.KeyId }, SecurityAlgorithms.RsaSha256);

        await AssertRefusedEverywhereAsync(ForgedTokens.Sign(GenuineClaims(), credentials), CognitoTokenRejection.InvalidSignature);
    }

    [Fact]
    public async Task Expired_token_is_refused()
    {
        // Five minutes past exp: well beyond the validator's 30 s clock skew.
        var claims = ForgedTokens.WithLifetime(GenuineClaims(), issuedAgo: TimeSpan.FromMinutes(65), expiresIn: TimeSpan.FromMinutes(-5));

        await AssertRefusedEverywhereAsync(ForgedTokens.Sign(claims, CognitoLocalSigningKey.Credentials()), CognitoTokenRejection.Expired);
    }

    [Fact]
    public async Task Token_not_yet_valid_is_refused()
    {
        var claims = GenuineClaims();
        claims["nbf"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();

        await AssertRefusedEverywhereAsync(ForgedTokens.Sign(claims, CognitoLocalSigningKey.Credentials()), CognitoTokenRejection.NotYetValid);
    }

    [Theory]
    [InlineData("another pool on the same emulator")]
    [InlineData("trailing slash")]
    [InlineData("same pool, host spelled differently")]
    [InlineData("real Cognito")]
    public async Task Token_with_the_wrong_issuer_is_refused(string variant)
    {
        var claims = GenuineClaims();
        var issuer = (string)claims["iss"];
        var poolId = fixture.Cloud.UserPool.UserPoolId;
        claims["iss"] = variant switch
        {
            "another pool on the same emulator" => issuer.Replace(poolId, "local_Attacker1", StringComparison.Ordinal),
            "trailing slash" => issuer + "/",
            "same pool, host spelled differently" => issuer.Replace("127.0.0.1", "localhost", StringComparison.Ordinal),
            _ => $"https://cognito-idp.us-east-1.amazonaws.com/{poolId}",
        };
        Assert.NotEqual(issuer, (string)claims["iss"]);

        await AssertRefusedEverywhereAsync(ForgedTokens.Sign(claims, CognitoLocalSigningKey.Credentials()), CognitoTokenRejection.WrongIssuer);
    }

    [Fact]
    public async Task Token_from_another_user_pool_is_refused()
    {
        // cognito-local signs every pool's tokens with the same key, so only the issuer tells this real token apart.
        var cognito = fixture.Cloud.Cognito;
        var poolId = await cognito.CreateUserPoolAsync("attacker-pool", default);
        var clientId = await cognito.CreateUserPoolClientAsync(poolId, "attacker-app", default);
        var email = $"attacker-{Guid.NewGuid():N}@example.com";
        await cognito.CreateConfirmedUserAsync(poolId, clientId, email, "Attacker-Pw-1234", default);
        var tokens = await cognito.SignInAsync(clientId, email, "Attacker-Pw-1234", default);

        await AssertRefusedEverywhereAsync(tokens.AccessToken, CognitoTokenRejection.WrongIssuer);
    }

    [Fact]
    public async Task Id_token_instead_of_an_access_token_is_refused_with_401_on_every_route_and_on_connect()
    {
        var tokens = await fixture.Cloud.SignInAsync(victim.Email, victim.Password, default);
        Assert.Equal("id", (string)ForgedTokens.ClaimsOf(tokens.IdToken!)["token_use"]);

        await AssertRefusedEverywhereAsync(tokens.IdToken, CognitoTokenRejection.NotAnAccessToken);
    }

    [Fact]
    public async Task Access_token_without_the_signed_in_scope_is_forbidden_on_every_route_as_api_gateway_answers()
    {
        // What a route with AuthorizationScopes does in the cloud: the token is valid, the scope is missing: 403.
        var claims = GenuineClaims();
        claims.Remove("scope");
        var token = ForgedTokens.Sign(claims, CognitoLocalSigningKey.Credentials());
        var footprint = await UserFootprint.ReadAsync(fixture, victim.UserId);

        using var http = fixture.CreateAnonymousClient();
        foreach (var request in AuthenticatedRequests(victimEvent))
        {
            using (request)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                using var response = await http.SendAsync(request);

                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{request.Method} {request.RequestUri}: {response.StatusCode}");
                Assert.Equal("""{"message":"Forbidden"}""", await response.Content.ReadAsStringAsync());
            }
        }

        Assert.Equal(footprint, await UserFootprint.ReadAsync(fixture, victim.UserId));
    }

    [Fact]
    public async Task Refresh_token_instead_of_an_access_token_is_refused()
    {
        // cognito-local's refresh tokens are JWTs signed with the pool's key but without a kid (real Cognito's are opaque),
        // so they fall at the key lookup, before the claims are read.
        var tokens = await fixture.Cloud.SignInAsync(victim.Email, victim.Password, default);

        await AssertRefusedEverywhereAsync(tokens.RefreshToken, CognitoTokenRejection.UnknownSigningKey);
    }

    [Fact]
    public async Task Token_of_another_app_client_is_refused()
    {
        var otherClientId = await fixture.Cloud.Cognito.CreateUserPoolClientAsync(fixture.Cloud.UserPool.UserPoolId, "other-app", default);
        var tokens = await fixture.Cloud.Cognito.SignInAsync(otherClientId, victim.Email, victim.Password, default);
        Assert.Equal(otherClientId, (string)ForgedTokens.ClaimsOf(tokens.AccessToken)["client_id"]);

        await AssertRefusedEverywhereAsync(tokens.AccessToken, CognitoTokenRejection.ClientNotAllowed);
    }

    /// <summary>
    /// The control for every forged token above: the same forging with the genuine claims passes, so each refusal is due
    /// to the one thing that attack changed.
    /// </summary>
    [Fact]
    public async Task Token_forged_with_the_pools_key_and_genuine_claims_is_accepted()
    {
        var claims = GenuineClaims();
        claims["nbf"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
        var forged = ForgedTokens.Sign(claims, CognitoLocalSigningKey.Credentials());
        Assert.NotEqual(victim.AccessToken, forged);

        using var http = (victim with { AccessToken = forged }).CreateClient();
        using var list = await http.GetAsync(ListPath);
        using var created = await http.PostAsync("/api/events", Content(Valid("made with a forged token")));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("made with a forged token", (await UserFootprint.ReadAsync(fixture, victim.UserId)).Events, StringComparison.Ordinal);

        await using var socket = await TestSocket.ConnectAsync(fixture.Cloud.WebSocketUrl, "?token=" + Uri.EscapeDataString(forged));
        await socket.SendAsync("""{"action":"ping"}""");
        await socket.NextAsync(m => (string?)m["type"] == "pong");
        Assert.Equal(victim.UserId, Assert.Single(await fixture.Cloud.Services.Connections.ListByUserAsync(victim.UserId, default)).UserId);
    }

    private const string ListPath = "/api/events?from=2026-12-01T00:00:00Z&to=2026-12-31T00:00:00Z";

    /// <summary>The victim's real access-token claims, valid for another ten minutes from now.</summary>
    private Dictionary<string, object> GenuineClaims() =>
        ForgedTokens.WithLifetime(ForgedTokens.ClaimsOf(victim.AccessToken), issuedAgo: TimeSpan.FromMinutes(1), expiresIn: TimeSpan.FromMinutes(10));

    /// <summary>A fresh user with one event and one unused socket ticket, so writes, deletes and sign-outs would all show.</summary>
    private async Task<(TestUser User, string EventLocation)> SeededUserAsync()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        using var created = await http.PostAsync("/api/events", Content(Valid("the original")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await RealtimeSession.TicketAsync(http);
        return (user, created.Headers.Location!.OriginalString);
    }

    private async Task AssertRefusedEverywhereAsync(string? token, string? reason, TestUser? claimed = null, string? claimedEvent = null)
    {
        var users = claimed is null ? new[] { victim } : [victim, claimed];
        var footprints = await Task.WhenAll(users.Select(u => UserFootprint.ReadAsync(fixture, u.UserId)));
        var socketsBefore = fixture.Cloud.Connections.Snapshot().Select(c => c.ConnectionId).ToHashSet(StringComparer.Ordinal);
        var target = claimedEvent ?? victimEvent;

        using var http = fixture.CreateAnonymousClient();
        foreach (var request in AuthenticatedRequests(target))
        {
            using (request)
            {
                if (token is not null)
                    request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                var route = $"{request.Method} {request.RequestUri}";
                using var response = await http.SendAsync(request);

                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route}: {response.StatusCode}");
                var challenge = Assert.Single(response.Headers.WwwAuthenticate);
                Assert.Equal("Bearer", challenge.Scheme);
                if (reason is not null)
                    Assert.Contains($"error_description=\"{reason}\"", challenge.Parameter, StringComparison.Ordinal);
                Assert.Equal("""{"message":"Unauthorized"}""", await response.Content.ReadAsStringAsync());
            }
        }

        var query = token is null ? string.Empty : "?token=" + Uri.EscapeDataString(token);
        Assert.Equal(HttpStatusCode.Unauthorized, await TestSocket.HandshakeStatusAsync(fixture.Cloud.WebSocketUrl, query));

        Assert.Equal(footprints, await Task.WhenAll(users.Select(u => UserFootprint.ReadAsync(fixture, u.UserId))));
        Assert.DoesNotContain(fixture.Cloud.Connections.Snapshot(), c => !socketsBefore.Contains(c.ConnectionId));
    }

    /// <summary>Every route behind the authorizer (all of <see cref="HttpRoutes.All"/> that need a user), aimed at the claimed user's data.</summary>
    private static HttpRequestMessage[] AuthenticatedRequests(string eventLocation)
    {
        var eventId = eventLocation[(eventLocation.LastIndexOf('/') + 1)..];
        return [.. HttpRoutes.All.Where(r => r.RequiresAuthorization).Select(route =>
        {
            var path = route.RouteKey == "GET /api/events" ? ListPath : route.PathTemplate.Replace("{id}", eventId, StringComparison.Ordinal);
            var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
            if (route.Method is "POST" or "PUT")
                request.Content = Content(Valid("planted"));
            if (route.Method is "PUT" or "DELETE")
                request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            return request;
        })];
    }
}
