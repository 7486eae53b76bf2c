using RealtimeCalendar.Functions.Http;
using RealtimeCalendar.Lambda.Contracts.HttpApi;

namespace RealtimeCalendar.Functions.Tests.Identity;

/// <summary>The user of an HTTP request comes only from an access token's claims the authorizer verified.</summary>
public sealed class RequestIdentityTests
{
    [Fact]
    public void Access_token_claims_name_the_user() =>
        Assert.Equal("user-1", RequestIdentity.UserId(WithClaims(new() { ["sub"] = "user-1", ["token_use"] = "access" })));

    [Theory]
    [InlineData("id")]
    [InlineData("Access")]
    [InlineData("access ")]
    [InlineData("")]
    public void Claims_of_any_other_token_use_name_no_user(string tokenUse) =>
        Assert.Null(RequestIdentity.UserId(WithClaims(new() { ["sub"] = "user-1", ["token_use"] = tokenUse })));

    [Fact]
    public void Claims_without_token_use_name_no_user() =>
        Assert.Null(RequestIdentity.UserId(WithClaims(new() { ["sub"] = "user-1", ["aud"] = "client" })));

    [Fact]
    public void An_access_token_without_sub_names_no_user() =>
        Assert.Null(RequestIdentity.UserId(WithClaims(new() { ["token_use"] = "access" })));

    private static APIGatewayHttpApiV2ProxyRequest WithClaims(Dictionary<string, string> claims) => new()
    {
        RequestContext = new() { Authorizer = new() { Jwt = new() { Claims = claims } } },
    };
}
