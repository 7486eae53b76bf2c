using System.Text;
using Microsoft.IdentityModel.Tokens;
using RealtimeCalendar.Aws.Identity;
using RealtimeCalendar.Core.Identity;

namespace RealtimeCalendar.Aws.Tests.Authentication;

/// <summary>Tokens an attacker (or a confused client) might present; each must be refused for the right reason.</summary>
public sealed class AccessTokenAttackTests : IAsyncLifetime
{
    private TokenValidationRig rig = null!;

    public async Task InitializeAsync() => rig = await TokenValidationRig.StartAsync();

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task Empty_token_is_rejected()
    {
        var result = await rig.ValidateAsync("");

        AssertRejected(result, CognitoTokenRejection.Missing);
        Assert.Equal(0, rig.Server.RequestCount);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("....")]
    [InlineData("e30.e30.")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")]
    [InlineData("   ")]
    [InlineData("\u00e9\u00e8.\u4e2d\u6587.\ud83d\ude00")]
    public async Task Garbage_is_rejected_without_fetching_keys(string garbage)
    {
        var result = await rig.ValidateAsync(garbage);

        Assert.False(result.IsValid);
        Assert.Equal(0, rig.Server.RequestCount);
    }

    [Fact]
    public async Task Ten_megabyte_token_is_rejected()
    {
        var result = await rig.ValidateAsync(new string('a', 10 * 1024 * 1024));

        AssertRejected(result, CognitoTokenRejection.TooLong);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    public async Task Unsigned_token_with_alg_none_is_rejected(string alg)
    {
        var token = AccessTokens.WithoutSignature(rig.Tokens.AccessClaims(), alg, TestSigningKey.Current.KeyId);

        var result = await rig.ValidateAsync(token);

        AssertRejected(result, CognitoTokenRejection.AlgorithmNotAllowed);
        Assert.Equal(0, rig.Server.RequestCount);
    }

    [Fact]
    public async Task HS256_token_signed_with_the_public_key_pem_as_secret_is_rejected()
    {
        var secret = Encoding.UTF8.GetBytes(TestSigningKey.Current.PublicKeyPem);

        var result = await rig.ValidateAsync(SignedWithHmac(secret));

        AssertRejected(result, CognitoTokenRejection.AlgorithmNotAllowed);
        Assert.Equal(0, rig.Server.RequestCount);
    }

    [Fact]
    public async Task HS256_token_signed_with_the_public_modulus_as_secret_is_rejected()
    {
        var result = await rig.ValidateAsync(SignedWithHmac(TestSigningKey.Current.Modulus));

        AssertRejected(result, CognitoTokenRejection.AlgorithmNotAllowed);
    }

    [Fact]
    public async Task Tampered_payload_with_the_original_signature_is_rejected()
    {
        var genuine = rig.Tokens.Create(TestSigningKey.Current);
        Assert.True((await rig.ValidateAsync(genuine)).IsValid);
        var claims = rig.Tokens.AccessClaims();
        claims["sub"] = "someone-else";

        var result = await rig.ValidateAsync(AccessTokens.WithPayload(genuine, claims));

        AssertRejected(result, CognitoTokenRejection.InvalidSignature);
    }

    [Fact]
    public async Task Token_signed_by_another_key_under_a_published_kid_is_rejected()
    {
        var token = AccessTokens.Sign(rig.Tokens.AccessClaims(), TestSigningKey.Attacker.CredentialsNamed(TestSigningKey.Current.KeyId));

        var result = await rig.ValidateAsync(token);

        AssertRejected(result, CognitoTokenRejection.InvalidSignature);
    }

    [Fact]
    public async Task Token_with_an_unknown_kid_is_rejected()
    {
        var result = await rig.ValidateAsync(rig.Tokens.Create(TestSigningKey.Attacker));

        AssertRejected(result, CognitoTokenRejection.UnknownSigningKey);
    }

    [Fact]
    public async Task Token_signed_with_a_key_published_for_encryption_is_rejected()
    {
        rig.Server.Document = TestSigningKey.KeySet(TestSigningKey.Current.Jwk(), TestSigningKey.Encryption.Jwk(use: "enc"));

        var result = await rig.ValidateAsync(rig.Tokens.Create(TestSigningKey.Encryption));

        AssertRejected(result, CognitoTokenRejection.UnknownSigningKey);
        Assert.Equal(1, rig.Server.RequestCount);
    }

    [Fact]
    public async Task Token_expired_beyond_the_clock_skew_is_rejected()
    {
        var claims = rig.Tokens.AccessClaims();
        claims["exp"] = rig.Time.GetUtcNow().AddSeconds(-31).ToUnixTimeSeconds();

        var result = await rig.ValidateAsync(AccessTokens.Sign(claims, TestSigningKey.Current.Credentials));

        AssertRejected(result, CognitoTokenRejection.Expired);
    }

    [Fact]
    public async Task Token_that_expires_later_on_the_fake_clock_is_rejected_once_it_has()
    {
        var token = rig.Tokens.Create(TestSigningKey.Current);
        Assert.True((await rig.ValidateAsync(token)).IsValid);

        rig.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(31));

        AssertRejected(await rig.ValidateAsync(token), CognitoTokenRejection.Expired);
    }

    [Fact]
    public async Task Token_not_yet_valid_beyond_the_clock_skew_is_rejected()
    {
        var claims = rig.Tokens.AccessClaims();
        claims["nbf"] = rig.Time.GetUtcNow().AddSeconds(60).ToUnixTimeSeconds();

        var result = await rig.ValidateAsync(AccessTokens.Sign(claims, TestSigningKey.Current.Credentials));

        AssertRejected(result, CognitoTokenRejection.NotYetValid);
    }

    [Fact]
    public async Task Token_without_expiry_is_rejected()
    {
        var claims = rig.Tokens.AccessClaims();
        claims.Remove("exp");

        var result = await rig.ValidateAsync(AccessTokens.Sign(claims, TestSigningKey.Current.Credentials));

        AssertRejected(result, CognitoTokenRejection.NoExpiry);
    }

    [Theory]
    [InlineData("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other")]
    [InlineData("{issuer}/")]
    [InlineData("{issuer}x")]
    [InlineData("{ISSUER}")]
    public async Task Token_from_another_issuer_is_rejected(string issuer)
    {
        var claims = rig.Tokens.AccessClaims();
        claims["iss"] = issuer.Replace("{issuer}", rig.Options.Issuer, StringComparison.Ordinal)
            .Replace("{ISSUER}", rig.Options.Issuer.ToUpperInvariant(), StringComparison.Ordinal);

        var result = await rig.ValidateAsync(AccessTokens.Sign(claims, TestSigningKey.Current.Credentials));

        AssertRejected(result, CognitoTokenRejection.WrongIssuer);
    }

    [Fact]
    public async Task ID_token_is_rejected_where_an_access_token_is_required()
    {
        var token = AccessTokens.Sign(rig.Tokens.IdTokenClaims(), TestSigningKey.Current.Credentials);

        var result = await rig.ValidateAsync(token);

        AssertRejected(result, CognitoTokenRejection.NotAnAccessToken);
    }

    [Fact]
    public async Task Token_of_another_app_client_is_rejected()
    {
        var claims = rig.Tokens.AccessClaims();
        claims["client_id"] = AccessTokens.OtherClientId;

        var result = await rig.ValidateAsync(AccessTokens.Sign(claims, TestSigningKey.Current.Credentials));

        AssertRejected(result, CognitoTokenRejection.ClientNotAllowed);
    }

    [Fact]
    public async Task Token_without_client_id_is_rejected()
    {
        var claims = rig.Tokens.AccessClaims();
        claims.Remove("client_id");

        var result = await rig.ValidateAsync(AccessTokens.Sign(claims, TestSigningKey.Current.Credentials));

        AssertRejected(result, CognitoTokenRejection.ClientNotAllowed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Token_without_sub_is_rejected(string? sub)
    {
        var claims = rig.Tokens.AccessClaims();
        if (sub is null)
            claims.Remove("sub");
        else
            claims["sub"] = sub;

        var result = await rig.ValidateAsync(AccessTokens.Sign(claims, TestSigningKey.Current.Credentials));

        AssertRejected(result, CognitoTokenRejection.MissingSubject);
    }

    [Fact]
    public async Task Token_without_username_is_rejected()
    {
        var claims = rig.Tokens.AccessClaims();
        claims.Remove("username");

        var result = await rig.ValidateAsync(AccessTokens.Sign(claims, TestSigningKey.Current.Credentials));

        AssertRejected(result, CognitoTokenRejection.MissingUsername);
    }

    [Fact]
    public async Task Rejections_are_logged_with_the_reason_and_never_the_token()
    {
        var tampered = rig.Tokens.Create(TestSigningKey.Current);
        tampered = tampered[..^4] + (tampered[^4..] == "AAAA" ? "BBBB" : "AAAA");
        var expiredClaims = rig.Tokens.AccessClaims();
        expiredClaims["exp"] = rig.Time.GetUtcNow().AddHours(-1).ToUnixTimeSeconds();
        string[] tokens = [tampered, AccessTokens.Sign(expiredClaims, TestSigningKey.Current.Credentials), "x.y.z"];

        foreach (var token in tokens)
        {
            var result = await rig.ValidateAsync(token);
            Assert.False(result.IsValid);
            Assert.DoesNotContain(token, result.Error, StringComparison.Ordinal);
        }

        var entries = rig.ValidatorLog.Entries.ToArray();
        Assert.Equal(
            [CognitoTokenRejection.InvalidSignature, CognitoTokenRejection.Expired, CognitoTokenRejection.Malformed],
            entries.Select(e => e.Fields["Reason"]));
        var everythingLogged = string.Join("\n", rig.ValidatorLog.Entries.Concat(rig.KeySetLog.Entries)
            .SelectMany(e => e.Fields.Values.Prepend(e.Message)));
        foreach (var token in tokens)
        {
            foreach (var part in token.Split('.').Where(p => p.Length > 1))
                Assert.DoesNotContain(part, everythingLogged, StringComparison.Ordinal);
        }
    }

    private string SignedWithHmac(byte[] secret)
    {
        var key = new SymmetricSecurityKey(secret) { KeyId = TestSigningKey.Current.KeyId };
        return AccessTokens.Sign(rig.Tokens.AccessClaims(), new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
    }

    private static void AssertRejected(AccessTokenValidation result, string reason)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Claims);
        Assert.Equal(reason, result.Error);
    }
}
