using RealtimeCalendar.Aws.Identity;

namespace RealtimeCalendar.Aws.Tests.Authentication;

/// <summary>How the pool's keys are fetched: rotation, the refetch limit, and an endpoint that fails or hangs.</summary>
public sealed class JsonWebKeySetRefreshTests : IAsyncLifetime
{
    private TokenValidationRig _rig = null!;

    public async Task InitializeAsync() => _rig = await TokenValidationRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Unknown_kids_refetch_the_key_set_at_most_once_per_interval()
    {
        var forged = _rig.Tokens.Create(TestSigningKey.Attacker);
        Assert.True((await _rig.ValidateAsync(_rig.Tokens.Create(TestSigningKey.Current))).IsValid);
        Assert.Equal(1, _rig.Server.RequestCount);

        for (var i = 0; i < 10; i++)
            Assert.Equal(CognitoTokenRejection.UnknownSigningKey, (await _rig.ValidateAsync(forged)).Error);
        Assert.Equal(1, _rig.Server.RequestCount);

        _rig.Time.Advance(_rig.Options.JwksRefreshInterval - TimeSpan.FromMilliseconds(1));
        await _rig.ValidateAsync(forged);
        Assert.Equal(1, _rig.Server.RequestCount);

        _rig.Time.Advance(TimeSpan.FromMilliseconds(1));
        await _rig.ValidateAsync(forged);
        await _rig.ValidateAsync(forged);
        Assert.Equal(2, _rig.Server.RequestCount);
    }

    [Fact]
    public async Task Concurrent_unknown_kids_share_one_fetch()
    {
        var forged = _rig.Tokens.Create(TestSigningKey.Attacker);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => _rig.ValidateAsync(forged))));

        Assert.All(results, r => Assert.Equal(CognitoTokenRejection.UnknownSigningKey, r.Error));
        Assert.Equal(1, _rig.Server.RequestCount);
    }

    [Fact]
    public async Task Concurrent_first_tokens_share_one_fetch_and_all_pass()
    {
        var token = _rig.Tokens.Create(TestSigningKey.Current);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => _rig.ValidateAsync(token))));

        Assert.All(results, r => Assert.True(r.IsValid, r.Error));
        Assert.Equal(1, _rig.Server.RequestCount);
    }

    [Fact]
    public async Task Rotated_key_is_picked_up_after_the_refresh_interval()
    {
        Assert.True((await _rig.ValidateAsync(_rig.Tokens.Create(TestSigningKey.Current))).IsValid);
        _rig.Server.Document = TestSigningKey.KeySet(TestSigningKey.Current.Jwk(), TestSigningKey.Rotated.Jwk());
        var rotated = _rig.Tokens.Create(TestSigningKey.Rotated);

        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, (await _rig.ValidateAsync(rotated)).Error);

        _rig.Time.Advance(_rig.Options.JwksRefreshInterval);
        var afterInterval = await _rig.ValidateAsync(rotated);
        var oldKeyStill = await _rig.ValidateAsync(_rig.Tokens.Create(TestSigningKey.Current));

        Assert.True(afterInterval.IsValid, afterInterval.Error);
        Assert.True(oldKeyStill.IsValid, oldKeyStill.Error);
        Assert.Equal(2, _rig.Server.RequestCount);
    }

    [Fact]
    public async Task Key_withdrawn_from_the_set_stops_working_once_the_set_is_refetched()
    {
        Assert.True((await _rig.ValidateAsync(_rig.Tokens.Create(TestSigningKey.Current))).IsValid);
        _rig.Server.Document = TestSigningKey.KeySet(TestSigningKey.Rotated.Jwk());
        _rig.Time.Advance(_rig.Options.JwksRefreshInterval);

        Assert.True((await _rig.ValidateAsync(_rig.Tokens.Create(TestSigningKey.Rotated))).IsValid);
        var withdrawn = await _rig.ValidateAsync(_rig.Tokens.Create(TestSigningKey.Current));

        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, withdrawn.Error);
    }

    [Fact]
    public async Task Key_set_endpoint_failing_gives_invalid_and_is_retried_after_the_interval()
    {
        _rig.Server.Behaviour = JwksBehaviour.Fail;
        var token = _rig.Tokens.Create(TestSigningKey.Current);

        var duringOutage = await _rig.ValidateAsync(token);
        _rig.Server.Behaviour = JwksBehaviour.Serve;
        var beforeRetry = await _rig.ValidateAsync(token);
        _rig.Time.Advance(_rig.Options.JwksRefreshInterval);
        var afterRetry = await _rig.ValidateAsync(token);

        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, duringOutage.Error);
        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, beforeRetry.Error);
        Assert.True(afterRetry.IsValid, afterRetry.Error);
        Assert.Equal(2, _rig.Server.RequestCount);
        Assert.Contains(_rig.KeySetLog.Entries, e => e.Fields.GetValueOrDefault("StatusCode") == "500");
    }

    [Fact]
    public async Task Key_set_endpoint_timing_out_gives_invalid()
    {
        _rig.Server.Behaviour = JwksBehaviour.Hang;

        var pending = _rig.ValidateAsync(_rig.Tokens.Create(TestSigningKey.Current));
        await _rig.Server.WaitForRequestAsync();
        Assert.False(pending.IsCompleted);
        _rig.Time.Advance(_rig.Options.JwksTimeout);
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, result.Error);
        Assert.Contains(_rig.KeySetLog.Entries, e => e.Message.Contains("timed out", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"keys":"nope"}""")]
    [InlineData("""{"keys":[{"kty":"RSA","kid":"key-1","n":"%%%","e":"AQAB"}]}""")]
    public async Task Key_set_that_is_not_a_usable_JWKS_gives_invalid(string document)
    {
        _rig.Server.Document = document;

        var result = await _rig.ValidateAsync(_rig.Tokens.Create(TestSigningKey.Current));

        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, result.Error);
    }

    [Fact]
    public async Task Key_set_larger_than_the_limit_gives_invalid()
    {
        _rig.Server.Document = TestSigningKey.KeySet(TestSigningKey.Current.Jwk()).Replace(
            "\"keys\"", $"\"padding\":\"{new string('x', CognitoJsonWebKeySet.MaxResponseBytes)}\",\"keys\"", StringComparison.Ordinal);

        var result = await _rig.ValidateAsync(_rig.Tokens.Create(TestSigningKey.Current));

        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, result.Error);
    }

    [Fact]
    public async Task Cancelled_caller_stops_waiting_while_others_still_get_the_shared_fetch()
    {
        _rig.Server.Behaviour = JwksBehaviour.Hang;
        var token = _rig.Tokens.Create(TestSigningKey.Current);
        using var cancel = new CancellationTokenSource();

        var cancelled = _rig.Validator.ValidateAsync(token, cancel.Token);
        await _rig.Server.WaitForRequestAsync();
        var patient = _rig.ValidateAsync(token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(patient.IsCompleted);
        _rig.Time.Advance(_rig.Options.JwksTimeout);
        Assert.Equal(CognitoTokenRejection.UnknownSigningKey, (await patient.WaitAsync(TimeSpan.FromSeconds(10))).Error);
        Assert.Equal(1, _rig.Server.RequestCount);
    }
}
