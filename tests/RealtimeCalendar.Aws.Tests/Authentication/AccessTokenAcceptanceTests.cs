using RealtimeCalendar.Aws.Identity;

namespace RealtimeCalendar.Aws.Tests.Authentication;

public sealed class AccessTokenAcceptanceTests : IAsyncLifetime
{
    private TokenValidationRig rig = null!;

    public async Task InitializeAsync() => rig = await TokenValidationRig.StartAsync();

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task Valid_access_token_returns_its_claims()
    {
        var result = await rig.ValidateAsync(rig.Tokens.Create(TestSigningKey.Current));

        Assert.True(result.IsValid, result.Error);
        Assert.Null(result.Error);
        Assert.Equal(AccessTokens.Subject, result.UserId);
        var claims = result.Claims!;
        Assert.Equal(AccessTokens.Subject, claims["sub"]);
        Assert.Equal(AccessTokens.Username, claims["username"]);
        Assert.Equal(AccessTokens.ClientId, claims["client_id"]);
        Assert.Equal("access", claims["token_use"]);
        Assert.Equal(rig.Options.Issuer, claims["iss"]);
        Assert.Equal("aws.cognito.signin.user.admin", claims["scope"]);
        Assert.Equal("editors owners", claims["cognito:groups"]);
        Assert.Equal(rig.Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), claims["exp"]);
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_accepted()
    {
        var claims = rig.Tokens.AccessClaims();
        claims["exp"] = rig.Time.GetUtcNow().AddSeconds(-29).ToUnixTimeSeconds();

        var result = await rig.ValidateAsync(AccessTokens.Sign(claims, TestSigningKey.Current.Credentials));

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public async Task Token_valid_from_within_the_clock_skew_is_accepted()
    {
        var claims = rig.Tokens.AccessClaims();
        claims["nbf"] = rig.Time.GetUtcNow().AddSeconds(29).ToUnixTimeSeconds();

        var result = await rig.ValidateAsync(AccessTokens.Sign(claims, TestSigningKey.Current.Credentials));

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public async Task Key_published_without_use_is_accepted_for_signatures()
    {
        rig.Server.Document = TestSigningKey.KeySet(TestSigningKey.Current.Jwk(use: null));

        var result = await rig.ValidateAsync(rig.Tokens.Create(TestSigningKey.Current));

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public async Task Tokens_of_every_allowed_app_client_are_accepted()
    {
        var options = rig.Options with { AllowedClientIds = [AccessTokens.ClientId, AccessTokens.OtherClientId] };
        var validator = new CognitoAccessTokenValidator(rig.KeySet, options, rig.Time, rig.ValidatorLog);
        var claims = rig.Tokens.AccessClaims();
        claims["client_id"] = AccessTokens.OtherClientId;

        var other = await validator.ValidateAsync(AccessTokens.Sign(claims, TestSigningKey.Current.Credentials), CancellationToken.None);
        var own = await validator.ValidateAsync(rig.Tokens.Create(TestSigningKey.Current), CancellationToken.None);

        Assert.True(other.IsValid, other.Error);
        Assert.True(own.IsValid, own.Error);
    }

    [Fact]
    public async Task Keys_are_fetched_once_for_many_tokens()
    {
        for (var i = 0; i < 5; i++)
            Assert.True((await rig.ValidateAsync(rig.Tokens.Create(TestSigningKey.Current))).IsValid);

        Assert.Equal(1, rig.Server.RequestCount);
    }
}
