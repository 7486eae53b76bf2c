using System.Text.Json;
using RealtimeCalendar.Lambda.Contracts;

namespace RealtimeCalendar.Lambda.Tests.Contracts;

public sealed class HttpApiV2ProxyRequestContractTests
{
    // API Gateway HTTP API, payload format 2.0, behind a Cognito JWT authorizer (claims arrive as strings).
    private const string GetEventsRequest = """
        {
          "version": "2.0",
          "routeKey": "GET /api/events",
          "rawPath": "/api/events",
          "rawQueryString": "from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z",
          "cookies": ["theme=dark", "tz=Europe/Paris"],
          "headers": {
            "accept": "application/json",
            "authorization": "Bearer eyJraWQiOiJleGFtcGxlIn0.eyJzdWIiOiJleGFtcGxlIn0.c2lnbmF0dXJl",
            "content-length": "0",
            "host": "r3pmxmplak.execute-api.eu-west-1.amazonaws.com",
            "if-none-match": "\"3\"",
            "x-amzn-trace-id": "Root=1-6742f0a4-3f1c5f4e2b7d6a1c0e9f8a7b",
            "x-forwarded-for": "203.0.113.10"
          },
          "queryStringParameters": { "from": "2026-11-01T00:00:00Z", "to": "2026-12-01T00:00:00Z" },
          "requestContext": {
            "accountId": "123456789012",
            "apiId": "r3pmxmplak",
            "authorizer": {
              "jwt": {
                "claims": {
                  "auth_time": "1795510000",
                  "client_id": "5r4mxmpl8q2m6m2c4ha9dq5kq",
                  "event_id": "a3c5f0d2-1e5b-4b7f-9f0e-2d8c6b1a4e77",
                  "exp": "1795513600",
                  "iat": "1795510000",
                  "iss": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI",
                  "jti": "0f3a6c1e-7d2b-4e8a-b5c9-1a2b3c4d5e6f",
                  "scope": "aws.cognito.signin.user.admin",
                  "sub": "7f2e9a10-3b4c-4d5e-8f60-718293a4b5c6",
                  "token_use": "access",
                  "username": "ada@example.com"
                },
                "scopes": null
              }
            },
            "domainName": "r3pmxmplak.execute-api.eu-west-1.amazonaws.com",
            "domainPrefix": "r3pmxmplak",
            "http": {
              "method": "GET",
              "path": "/api/events",
              "protocol": "HTTP/1.1",
              "sourceIp": "203.0.113.10",
              "userAgent": "Mozilla/5.0 (X11; Linux x86_64)"
            },
            "requestId": "JKJaXmPLvHcESHA=",
            "routeKey": "GET /api/events",
            "stage": "$default",
            "time": "24/Nov/2026:09:15:00 +0000",
            "timeEpoch": 1795511700000
          },
          "isBase64Encoded": false
        }
        """;

    [Fact]
    public void Http_api_request_with_jwt_claims_deserializes_route_query_and_claims()
    {
        var request = JsonSerializer.Deserialize(GetEventsRequest, LambdaContractsJsonContext.Default.APIGatewayHttpApiV2ProxyRequest)!;

        Assert.Equal("2.0", request.Version);
        Assert.Equal("GET /api/events", request.RouteKey);
        Assert.Equal("/api/events", request.RawPath);
        Assert.Equal(["theme=dark", "tz=Europe/Paris"], request.Cookies);
        Assert.Equal("\"3\"", request.Headers!["if-none-match"]);
        Assert.Equal("2026-12-01T00:00:00Z", request.QueryStringParameters!["to"]);
        Assert.False(request.IsBase64Encoded);
        Assert.Null(request.Body);

        var context = request.RequestContext!;
        Assert.Equal("GET", context.Http!.Method);
        Assert.Equal("203.0.113.10", context.Http.SourceIp);
        Assert.Equal("$default", context.Stage);
        Assert.Equal(1795511700000, context.TimeEpoch);

        var jwt = context.Authorizer!.Jwt!;
        Assert.Equal("7f2e9a10-3b4c-4d5e-8f60-718293a4b5c6", jwt.Claims!["sub"]);
        Assert.Equal("access", jwt.Claims["token_use"]);
        Assert.Equal("5r4mxmpl8q2m6m2c4ha9dq5kq", jwt.Claims["client_id"]);
        Assert.Equal("1795513600", jwt.Claims["exp"]);
        Assert.Null(jwt.Scopes);
    }
}
