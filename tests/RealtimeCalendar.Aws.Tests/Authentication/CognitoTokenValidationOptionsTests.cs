using RealtimeCalendar.Aws.Identity;

namespace RealtimeCalendar.Aws.Tests.Authentication;

public sealed class CognitoTokenValidationOptionsTests
{
    [Theory]
    [InlineData("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc/.well-known/jwks.json")]
    [InlineData("http://127.0.0.1:9229/local_abc", "http://127.0.0.1:9229/local_abc/.well-known/jwks.json")]
    public void Key_set_address_defaults_to_the_issuers_well_known_path(string issuer, string expected)
    {
        var options = new CognitoTokenValidationOptions { Issuer = issuer, AllowedClientIds = ["c"] };

        Assert.Equal(new Uri(expected), options.JwksUri);
    }

    [Fact]
    public void Explicit_key_set_address_wins()
    {
        var options = new CognitoTokenValidationOptions
        {
            Issuer = "http://127.0.0.1:9229/local_abc",
            AllowedClientIds = ["c"],
            JwksUri = new Uri("http://127.0.0.1:1/keys"),
        };

        Assert.Equal(new Uri("http://127.0.0.1:1/keys"), options.JwksUri);
    }

    [Theory]
    [InlineData("not a url", "c")]
    [InlineData("ftp://example.com/pool", "c")]
    [InlineData("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc", "")]
    public void Configuration_that_cannot_work_is_refused_up_front(string issuer, string clientId)
    {
        var options = new CognitoTokenValidationOptions { Issuer = issuer, AllowedClientIds = clientId.Length == 0 ? [] : [clientId] };

        Assert.Throws<ArgumentException>(options.EnsureValid);
    }
}
