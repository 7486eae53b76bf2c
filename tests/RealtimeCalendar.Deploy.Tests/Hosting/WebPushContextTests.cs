using RealtimeCalendar.Deploy.Hosting;
using RealtimeCalendar.Deploy.Tests.Synthesis;

namespace RealtimeCalendar.Deploy.Tests.Hosting;

/// <summary><c>-c vapidPublicKey</c> and <c>-c vapidSubject</c>: both or neither, and each of the right form, or synthesis stops.</summary>
public sealed class WebPushContextTests
{
    [Fact]
    public void Neither_value_means_no_web_push_and_both_give_its_settings()
    {
        Assert.Null(DeploymentOptions.WebPushFrom(null, null));
        var settings = DeploymentOptions.WebPushFrom(SynthesizedStacks.VapidPublicKey, "mailto:ops@example.com")!;
        Assert.Equal((SynthesizedStacks.VapidPublicKey, "mailto:ops@example.com"), (settings.PublicKey, settings.Subject));
        Assert.Null(settings.PrivateKeyParameter);
    }

    [Theory]
    [InlineData(true, null, "both")]
    [InlineData(false, "mailto:ops@example.com", "both")]
    [InlineData(true, "ops@example.com", "mailto:")]
    public void One_value_alone_or_a_subject_that_is_no_contact_is_refused(bool withKey, string? subject, string says)
    {
        var failure = Assert.Throws<ArgumentException>(() => DeploymentOptions.WebPushFrom(withKey ? SynthesizedStacks.VapidPublicKey : null, subject));
        Assert.Contains(says, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_key_that_is_not_a_P256_point_is_refused()
    {
        var failure = Assert.Throws<ArgumentException>(() => DeploymentOptions.WebPushFrom(SynthesizedStacks.VapidPublicKey[..^2] + "AA", "mailto:ops@example.com"));
        Assert.Contains("vapidPublicKey", failure.Message, StringComparison.Ordinal);
    }
}
