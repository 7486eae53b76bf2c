using System.Text.Json;
using RealtimeCalendar.Core.Realtime;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.WebSocket;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Functions.Realtime;

/// <summary>
/// <c>ws-default</c>: answers <c>{"action":"ping"}</c> with <c>{"type":"pong"}</c>; every other frame gets an error
/// frame that says what is accepted, and the socket stays open.
/// </summary>
public sealed class WsDefaultFunction()
    : JsonLambdaFunction<APIGatewayProxyRequest, APIGatewayProxyResponse>(
        LambdaContractsJsonContext.Default.APIGatewayProxyRequest,
        LambdaContractsJsonContext.Default.APIGatewayProxyResponse)
{
    protected override Task<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest request, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        var frame = request.RequestContext?.RouteKey == "ping"
            ? ServerFrame.Pong
            : Explain(request.Body);
        return Task.FromResult(new APIGatewayProxyResponse
        {
            StatusCode = 200,
            Body = JsonSerializer.Serialize(frame, RealtimeJsonContext.Default.ServerFrame),
        });
    }

    private static ServerFrame Explain(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return ServerFrame.Error("empty-message", "Send a JSON object with an action, for example the ping action.");
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? ServerFrame.Error("unknown-action", "Unknown action; the only action is ping. Changes arrive as event.changed messages.")
                : ServerFrame.Error("invalid-message", "Send a JSON object with an action, for example the ping action.");
        }
        catch (JsonException)
        {
            return ServerFrame.Error("invalid-json", "The message is not valid JSON; send a JSON object with an action, for example the ping action.");
        }
    }
}
