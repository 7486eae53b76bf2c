using RealtimeCalendar.Functions.Routing;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Core.Limits;
using RealtimeCalendar.Functions.Http;
using RealtimeCalendar.Lambda.Contracts.HttpApi;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Functions.Tests.Identity;

/// <summary>
/// A signed-in function fed the JSON API Gateway sends: claims of an ID token (which a route without the access-token
/// scope would let through) get 401 before any work is done.
/// </summary>
public sealed class SignedInFunctionTests
{
    [Theory]
    [InlineData("id", 401)]
    [InlineData("access", 200)]
    public async Task Only_access_token_claims_reach_the_handler(string tokenUse, int expectedStatus)
    {
        var function = new EchoFunction();
        var payload = $$$"""
            {"version":"2.0","routeKey":"GET /api/events","rawPath":"/api/events",
             "requestContext":{"authorizer":{"jwt":{"claims":{"sub":"user-1","token_use":"{{{tokenUse}}}","aud":"client-1"},"scopes":null}},
                               "routeKey":"GET /api/events","requestId":"r-1"}}
            """;

        var response = JsonNode.Parse(await function.InvokeAsync(
            Encoding.UTF8.GetBytes(payload), new LambdaInvocation("r-1", DateTimeOffset.UtcNow.AddSeconds(30), null, null), CancellationToken.None))!;

        Assert.Equal(expectedStatus, (int)response["statusCode"]!);
        Assert.Equal(expectedStatus == 200, function.Served);
    }

    private sealed class EchoFunction()
        : SignedInHttpFunction(FunctionNames.CalendarApi, new RequestLimit(new UsageQuota(new UnlimitedCounter(), TimeProvider.System), new QuotaRule("requests", 1000, TimeSpan.FromMinutes(1))), NullLogger.Instance)
    {
        public bool Served { get; private set; }

        protected override Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(APIGatewayHttpApiV2ProxyRequest request, HttpRoute route, string userId, CancellationToken cancellationToken)
        {
            Served = true;
            return Task.FromResult(new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200 });
        }
    }

    private sealed class UnlimitedCounter : IUsageCounter
    {
        public Task<long> IncrementAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken) => Task.FromResult(1L);
    }
}
