using RealtimeCalendar.Core.Secrets;

namespace RealtimeCalendar.WebPush.Tests.Keys;

public sealed class VapidKeyTests
{
    [Fact]
    public void The_public_key_is_computed_from_the_private_key_alone()
    {
        var generated = VapidKeyPair.Generate();

        var read = VapidKeyPair.FromPrivateKey(generated.PrivateKey + "\n");

        Assert.Equal(generated.PublicKey, read.PublicKey);
        Assert.Equal(87, read.PublicKey.Length);
        Assert.StartsWith("B", read.PublicKey, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64url!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Anything_but_a_32_byte_P256_scalar_is_refused_without_quoting_it(string privateKey)
    {
        var failure = Assert.Throws<FormatException>(() => VapidKeyPair.FromPrivateKey(privateKey));
        if (privateKey.Length > 0)
            Assert.DoesNotContain(privateKey, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Printing_a_key_pair_never_prints_the_private_key()
    {
        var keys = VapidKeyPair.Generate();
        Assert.DoesNotContain(keys.PrivateKey, keys.ToString(), StringComparison.Ordinal);
        Assert.Contains(keys.PublicKey, keys.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_key_that_does_not_match_the_configured_public_key_stops_sending_with_an_error_naming_the_setting()
    {
        var deployed = VapidKeyPair.Generate();
        var other = VapidKeyPair.Generate();
        var source = new VapidKeySource(new FixedSecret(other.PrivateKey), deployed.PublicKey);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => source.GetAsync(CancellationToken.None));

        Assert.Contains("VAPID_PUBLIC_KEY", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(other.PrivateKey, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_private_key_there_is_no_key_pair_and_with_one_it_is_read_once()
    {
        Assert.Null(await new VapidKeySource(new FixedSecret(null), expectedPublicKey: null).GetAsync(CancellationToken.None));

        var keys = VapidKeyPair.Generate();
        var counting = new CountingSecret(keys.PrivateKey);
        var source = new VapidKeySource(counting, keys.PublicKey);
        Assert.Equal(keys.PublicKey, (await source.GetAsync(CancellationToken.None))!.PublicKey);
        Assert.Equal(keys.PublicKey, (await source.GetAsync(CancellationToken.None))!.PublicKey);
        Assert.Equal(1, counting.Reads);
    }

    private sealed class CountingSecret(string value) : ISecretSource
    {
        public int Reads { get; private set; }

        public Task<string?> GetAsync(CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult<string?>(value);
        }
    }
}
