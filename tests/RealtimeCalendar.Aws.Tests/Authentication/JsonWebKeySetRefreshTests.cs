using RealtimeCalendar.Aws.Identity;

namespace RealtimeCalendar.Aws.Tests.Authentication;

/// <summary>How the pool's keys are fetched: rotation, the refetch limit, and an endpoint that fails or hangs.</summary>
public sealed class JsonWebKeySetRefreshTests : IAsyncLifetime
{
    private TokenValidationRig rig = null!;

    public async Task InitializeAsync() => rig = await TokenValidationRig.StartAsync();

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task Unknown_kids_refetch_the_key_set_at_most_once_per_interval()
    {
        var forged = rig.Tokens.Create(TestSigningKey.Attacker);
        Assert.True((await rig.ValidateAsync(rig.Tokens.Create(TestSigningKey.Current))).IsValid);
        Assert.Equal(1, rig.Server.RequestCount);

        for (var i = 0; i < 10; i++)
            Assert.Equal(CognitoTokenRejection.UnknownSigningKey, (await rig.ValidateAsync(forged)).Error);
        Assert.Equal(1, rig.Server.RequestCount);

        rig.Time.Advance(rig.Options.JwksRefreshInterval - TimeSpan.FromMilliseconds(1));
        await rig.ValidateAsync(forged);
        Assert.Equal(1, rig.Server.RequestCount);

        rig.Time.Advance(TimeSpan.FromMilliseconds(1));
        await rig.ValidateAsync(forged);
        await rig.ValidateAsync(forged);
        Assert.Equal(2, rig.Server.RequestCount);
    }

    [Fact]
    public async Task Concurrent_unknown_kids_share_one_fetch()
    {
        var forged = rig.Tokens.Create(TestSigningKey.Attacker);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => rig.ValidateAsync(forged))));

        Assert.All(results, r => Assert.Equal(CognitoTokenRejection.UnknownSigningKey, r.Error));
        Assert.Equal(1, rig.Server.RequestCount);
    }

    [Fact]
    public async Task Concurrent_first_tokens_share_one_fetch_and_all_pass()
    {
        var token = rig.Tokens.Create(TestSigningKey.Current);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => rig.ValidateAsync(token))));

        Assert.All(results, r => Assert.True(r.IsValid, r.Error));
        Assert.Equal(1, rig.Server.RequestCount);
    }

    [Fact]
    public async Task Rotated_key_is_picked_up_after_the_refresh_interval()
    {
        Assert.True((await rig.ValidateAsync(rig.Tokens.Create(TestSigningKey.Current))).IsValid);
        rig.Server.Document = TestSigningKey.KeySet(TestSigningKey.Current.Jwk(), TestSigningKey.Rotated.Jwk());
        var rotated = rig.Tokens.Create(TestSigningKey.Rotated);

        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, (await rig.ValidateAsync(rotated)).Error);

        rig.Time.Advance(rig.Options.JwksRefreshInterval);
        var afterInterval = await rig.ValidateAsync(rotated);
        var oldKeyStill = await rig.ValidateAsync(rig.Tokens.Create(TestSigningKey.Current));

        Assert.True(afterInterval.IsValid, afterInterval.Error);
        Assert.True(oldKeyStill.IsValid, oldKeyStill.Error);
        Assert.Equal(2, rig.Server.RequestCount);
    }

    [Fact]
    public async Task Key_withdrawn_from_the_set_stops_working_once_the_set_is_refetched()
    {
        Assert.True((await rig.ValidateAsync(rig.Tokens.Create(TestSigningKey.Current))).IsValid);
        rig.Server.Document = TestSigningKey.KeySet(TestSigningKey.Rotated.Jwk());
        rig.Time.Advance(rig.Options.JwksRefreshInterval);

        Assert.True((await rig.ValidateAsync(rig.Tokens.Create(TestSigningKey.Rotated))).IsValid);
        var withdrawn = await rig.ValidateAsync(rig.Tokens.Create(TestSigningKey.Current));

        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, withdrawn.Error);
    }

    [Fact]
    public async Task Key_set_endpoint_failing_gives_invalid_and_is_retried_after_the_interval()
    {
        rig.Server.Behaviour = JwksBehaviour.Fail;
        var token = rig.Tokens.Create(TestSigningKey.Current);

        var duringOutage = await rig.ValidateAsync(token);
        rig.Server.Behaviour = JwksBehaviour.Serve;
        var beforeRetry = await rig.ValidateAsync(token);
        rig.Time.Advance(rig.Options.JwksRefreshInterval);
        var afterRetry = await rig.ValidateAsync(token);

        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, duringOutage.Error);
        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, beforeRetry.Error);
        Assert.True(afterRetry.IsValid, afterRetry.Error);
        Assert.Equal(2, rig.Server.RequestCount);
        Assert.Contains(rig.KeySetLog.Entries, e => e.Fields.GetValueOrDefault("StatusCode") == "500");
    }

    [Fact]
    public async Task Key_set_endpoint_timing_out_gives_invalid()
    {
        rig.Server.Behaviour = JwksBehaviour.Hang;

        var pending = rig.ValidateAsync(rig.Tokens.Create(TestSigningKey.Current));
        await rig.Server.WaitForRequestAsync();
        Assert.False(pending.IsCompleted);
        rig.Time.Advance(rig.Options.JwksTimeout);
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, result.Error);
        Assert.Contains(rig.KeySetLog.Entries, e => e.Message.Contains("timed out", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"keys":"nope"}""")]
    [InlineData("""{"keys":[{"kty":"RSA","kid":"key-1","n":"%%%","e":"AQAB"}]}""")]
    public async Task Key_set_that_is_not_a_usable_JWKS_gives_invalid(string document)
    {
        rig.Server.Document = document;

        var result = await rig.ValidateAsync(rig.Tokens.Create(TestSigningKey.Current));

        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, result.Error);
    }

    [Fact]
    public async Task Key_set_larger_than_the_limit_gives_invalid()
    {
        rig.Server.Document = TestSigningKey.KeySet(TestSigningKey.Current.Jwk()).Replace(
            "\"keys\"", $"\"padding\":\"{new string('x', CognitoJsonWebKeySet.MaxResponseBytes)}\",\"keys\"", StringComparison.Ordinal);

        var result = await rig.ValidateAsync(rig.Tokens.Create(TestSigningKey.Current));

        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, result.Error);
    }

    [Fact]
    public async Task Cancelled_caller_stops_waiting_while_others_still_get_the_shared_fetch()
    {
        rig.Server.Behaviour = JwksBehaviour.Hang;
        var token = rig.Tokens.Create(TestSigningKey.Current);
        using var cancel = new CancellationTokenSource();

        var cancelled = rig.Validator.ValidateAsync(token, cancel.Token);
        await rig.Server.WaitForRequestAsync();
        var patient = rig.ValidateAsync(token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(patient.IsCompleted);
        rig.Time.Advance(rig.Options.JwksTimeout);
        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, (await patient.WaitAsync(TimeSpan.FromSeconds(10))).Error);
        Assert.Equal(1, rig.Server.RequestCount);
    }
}
