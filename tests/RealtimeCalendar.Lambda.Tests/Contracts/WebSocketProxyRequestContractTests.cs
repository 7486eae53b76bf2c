using System.Text.Json;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.WebSocket;

namespace RealtimeCalendar.Lambda.Tests.Contracts;

public sealed class WebSocketProxyRequestContractTests
{
    // API Gateway WebSocket API $connect: credentials travel in the query string; identity lists many null fields.
    private const string ConnectEvent = """
        {
          "headers": {
            "Host": "abcd123xyz.execute-api.eu-west-1.amazonaws.com",
            "Origin": "https://calendar.example.com",
            "Sec-WebSocket-Extensions": "permessage-deflate; client_max_window_bits",
            "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Version": "13",
            "X-Amzn-Trace-Id": "Root=1-6742f0a4-1a2b3c4d5e6f708192a3b4c5",
            "X-Forwarded-For": "203.0.113.10",
            "X-Forwarded-Port": "443",
            "X-Forwarded-Proto": "https"
          },
          "multiValueHeaders": {
            "Host": ["abcd123xyz.execute-api.eu-west-1.amazonaws.com"],
            "Origin": ["https://calendar.example.com"],
            "Sec-WebSocket-Version": ["13"]
          },
          "queryStringParameters": { "ticket": "tkt_Qm9vZ2llV29vZ2ll" },
          "multiValueQueryStringParameters": { "ticket": ["tkt_Qm9vZ2llV29vZ2ll"] },
          "requestContext": {
            "routeKey": "$connect",
            "eventType": "CONNECT",
            "extendedRequestId": "PUHnXE5zDoEFXXA=",
            "requestTime": "24/Nov/2026:09:15:00 +0000",
            "messageDirection": "IN",
            "stage": "prod",
            "connectedAt": 1795511700123,
            "requestTimeEpoch": 1795511700125,
            "identity": {
              "accountId": null,
              "apiKey": null,
              "caller": null,
              "cognitoAuthenticationProvider": null,
              "cognitoAuthenticationType": null,
              "cognitoIdentityId": null,
              "cognitoIdentityPoolId": null,
              "sourceIp": "203.0.113.10",
              "user": null,
              "userAgent": "Mozilla/5.0 (X11; Linux x86_64)",
              "userArn": null
            },
            "requestId": "PUHnXE5zDoEFXXA=",
            "domainName": "abcd123xyz.execute-api.eu-west-1.amazonaws.com",
            "connectionId": "PUHnXdeRjoECFjA=",
            "apiId": "abcd123xyz"
          },
          "isBase64Encoded": false
        }
        """;

    private const string MessageEvent = """
        {
          "requestContext": {
            "routeKey": "$default",
            "messageId": "PUHr0cTGjoECFjw=",
            "eventType": "MESSAGE",
            "extendedRequestId": "PUHr0GZzDoEFWbw=",
            "requestTime": "24/Nov/2026:09:17:42 +0000",
            "messageDirection": "IN",
            "stage": "prod",
            "connectedAt": 1795511700123,
            "requestTimeEpoch": 1795511862410,
            "identity": { "sourceIp": "203.0.113.10" },
            "requestId": "PUHr0GZzDoEFWbw=",
            "domainName": "abcd123xyz.execute-api.eu-west-1.amazonaws.com",
            "connectionId": "PUHnXdeRjoECFjA=",
            "apiId": "abcd123xyz"
          },
          "body": "{\"action\":\"ping\"}",
          "isBase64Encoded": false
        }
        """;

    private const string DisconnectEvent = """
        {
          "headers": { "Host": "abcd123xyz.execute-api.eu-west-1.amazonaws.com", "x-api-key": "", "x-restapi": "" },
          "multiValueHeaders": { "Host": ["abcd123xyz.execute-api.eu-west-1.amazonaws.com"] },
          "requestContext": {
            "routeKey": "$disconnect",
            "disconnectStatusCode": 1001,
            "eventType": "DISCONNECT",
            "extendedRequestId": "PUHuyE5zDoEFqfQ=",
            "requestTime": "24/Nov/2026:11:15:00 +0000",
            "messageDirection": "IN",
            "disconnectReason": "Going away",
            "stage": "prod",
            "connectedAt": 1795511700123,
            "requestTimeEpoch": 1795518900001,
            "identity": { "sourceIp": "203.0.113.10", "userAgent": "Mozilla/5.0 (X11; Linux x86_64)" },
            "requestId": "PUHuyE5zDoEFqfQ=",
            "domainName": "abcd123xyz.execute-api.eu-west-1.amazonaws.com",
            "connectionId": "PUHnXdeRjoECFjA=",
            "apiId": "abcd123xyz"
          },
          "isBase64Encoded": false
        }
        """;

    [Fact]
    public void Connect_event_carries_the_connection_id_and_the_query_string_ticket()
    {
        var request = Deserialize(ConnectEvent);

        var context = request.RequestContext!;
        Assert.Equal("$connect", context.RouteKey);
        Assert.Equal("CONNECT", context.EventType);
        Assert.Equal("PUHnXdeRjoECFjA=", context.ConnectionId);
        Assert.Equal("abcd123xyz.execute-api.eu-west-1.amazonaws.com", context.DomainName);
        Assert.Equal("prod", context.Stage);
        Assert.Equal(1795511700123, context.ConnectedAt);
        Assert.Equal(1795511700125, context.RequestTimeEpoch);
        Assert.Equal("203.0.113.10", context.Identity!.SourceIp);
        Assert.Equal("Mozilla/5.0 (X11; Linux x86_64)", context.Identity.UserAgent);
        Assert.Null(context.MessageId);
        Assert.Equal("tkt_Qm9vZ2llV29vZ2ll", request.QueryStringParameters!["ticket"]);
        Assert.Equal(["tkt_Qm9vZ2llV29vZ2ll"], request.MultiValueQueryStringParameters!["ticket"]);
        Assert.Equal("https://calendar.example.com", request.Headers!["Origin"]);
        Assert.Equal(["13"], request.MultiValueHeaders!["Sec-WebSocket-Version"]);
        Assert.Null(request.Body);
    }

    [Fact]
    public void Message_event_carries_the_frame_body_and_message_id()
    {
        var request = Deserialize(MessageEvent);

        Assert.Equal("{\"action\":\"ping\"}", request.Body);
        Assert.False(request.IsBase64Encoded);
        Assert.Equal("MESSAGE", request.RequestContext!.EventType);
        Assert.Equal("$default", request.RequestContext.RouteKey);
        Assert.Equal("PUHr0cTGjoECFjw=", request.RequestContext.MessageId);
        Assert.Equal("PUHnXdeRjoECFjA=", request.RequestContext.ConnectionId);
        Assert.Null(request.Headers);
    }

    [Fact]
    public void Disconnect_event_carries_the_close_code_and_reason()
    {
        var request = Deserialize(DisconnectEvent);

        Assert.Equal("DISCONNECT", request.RequestContext!.EventType);
        Assert.Equal(1001, request.RequestContext.DisconnectStatusCode);
        Assert.Equal("Going away", request.RequestContext.DisconnectReason);
    }

    [Fact]
    public void Events_the_local_cloud_writes_round_trip_with_the_same_names()
    {
        var request = Deserialize(MessageEvent);

        var json = JsonSerializer.Serialize(request, LambdaContractsJsonContext.Default.APIGatewayProxyRequest);

        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(MessageEvent).RootElement, JsonDocument.Parse(json).RootElement), json);
    }

    [Fact]
    public void Response_serializes_to_API_Gateway_proxy_response_json()
    {
        var response = new APIGatewayProxyResponse { StatusCode = 200, Body = "pong" };

        var json = JsonSerializer.Serialize(response, LambdaContractsJsonContext.Default.APIGatewayProxyResponse);

        Assert.Equal("""{"statusCode":200,"body":"pong","isBase64Encoded":false}""", json);
    }

    private static APIGatewayProxyRequest Deserialize(string json) =>
        JsonSerializer.Deserialize(json, LambdaContractsJsonContext.Default.APIGatewayProxyRequest)!;
}
