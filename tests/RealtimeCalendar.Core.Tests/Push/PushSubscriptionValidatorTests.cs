using System.Buffers.Text;
using System.Security.Cryptography;
using RealtimeCalendar.Core.Push;

namespace RealtimeCalendar.Core.Tests.Push;

public sealed class PushSubscriptionValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly string P256dh = NewPublicKey();
    private static readonly string Auth = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    [Theory]
    [InlineData("https://fcm.googleapis.com/fcm/send/dXNlcg:APA91bH")]
    [InlineData("https://updates.push.services.mozilla.com/wpush/v2/gAAAAABl")]
    [InlineData("https://web.push.apple.com/QGd8s2_Jn")]
    [InlineData("https://db5p.notify.windows.com/w/?token=BQYAAAD")]
    [InlineData("https://push.example.com:443/p/1")]
    public void The_endpoints_of_browsers_push_services_pass(string endpoint)
    {
        Assert.Empty(PushSubscriptionValidator.Validate(endpoint, P256dh, Auth, null, Now));
    }

    [Theory]
    [InlineData("", "Required.")]
    [InlineData("fcm.googleapis.com/fcm/send/x", "absolute URL")]
    [InlineData("http://fcm.googleapis.com/fcm/send/x", "https")]
    [InlineData("ftp://fcm.googleapis.com/x", "https")]
    [InlineData("https://127.0.0.1/push/x", "DNS name")]
    [InlineData("https://[::1]/push/x", "DNS name")]
    [InlineData("https://localhost/push/x", "DNS name")]
    [InlineData("https://push.localhost/push/x", "DNS name")]
    [InlineData("https://intranet/push/x", "DNS name")]
    [InlineData("https://push.example.com:8443/p/1", "port 443")]
    [InlineData("https://user:pw@push.example.com/p/1", "user info")]
    [InlineData("https://push.example.com/p/1#x", "fragment")]
    [InlineData("https://push.example.com/p 1", "absolute URL")]
    public void Other_endpoints_are_refused_naming_the_rule(string endpoint, string rule)
    {
        var error = Assert.Single(PushSubscriptionValidator.Validate(endpoint, P256dh, Auth, null, Now));
        Assert.Equal("endpoint", error.Field);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_past_2048_characters_is_refused()
    {
        var endpoint = "https://push.example.com/" + new string('a', 2048 - 25);
        Assert.Empty(PushSubscriptionValidator.Validate(endpoint, P256dh, Auth, null, Now));
        Assert.Equal("endpoint", Assert.Single(PushSubscriptionValidator.Validate(endpoint + "a", P256dh, Auth, null, Now)).Field);
    }

    public static TheoryData<string> BadPublicKeys()
    {
        var key = Base64Url.DecodeFromChars(P256dh);
        var compressed = key[..33];
        compressed[0] = 0x02;
        var offCurve = (byte[])key.Clone();
        offCurve[40] ^= 0x01;
        return
        [
            "",
            P256dh + "=",
            P256dh[..43] + " " + P256dh[44..],
            Convert.ToBase64String(key).Replace('-', '+'),
            Base64Url.EncodeToString(compressed),
            Base64Url.EncodeToString(key.AsSpan(0, 64)),
            Base64Url.EncodeToString([0x05, .. key[1..]]),
            Base64Url.EncodeToString(offCurve),
        ];
    }

    [Theory]
    [MemberData(nameof(BadPublicKeys))]
    public void A_p256dh_that_is_not_an_uncompressed_P256_point_in_unpadded_base64url_is_refused(string p256dh)
    {
        Assert.Equal("keys.p256dh", Assert.Single(PushSubscriptionValidator.Validate("https://push.example.com/p", p256dh, Auth, null, Now)).Field);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(32)]
    public void An_auth_secret_of_another_length_is_refused(int bytes)
    {
        var auth = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
        Assert.Equal("keys.auth", Assert.Single(PushSubscriptionValidator.Validate("https://push.example.com/p", P256dh, auth, null, Now)).Field);
    }

    [Fact]
    public void A_padded_auth_secret_is_refused_and_every_broken_field_is_named_at_once()
    {
        var errors = PushSubscriptionValidator.Validate("http://x", "abc", Auth + "==", Now.AddSeconds(-1), Now);
        Assert.Equal(["endpoint", "keys.p256dh", "keys.auth", "expirationTime"], errors.Select(e => e.Field));
    }

    [Fact]
    public void A_future_expiration_time_passes()
    {
        Assert.Empty(PushSubscriptionValidator.Validate("https://push.example.com/p", P256dh, Auth, Now.AddDays(30), Now));
    }

    private static string NewPublicKey()
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = key.ExportParameters(false).Q;
        return Base64Url.EncodeToString([0x04, .. q.X!, .. q.Y!]);
    }
}
