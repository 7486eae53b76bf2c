using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Realtime;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.WebSocket;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Functions.Realtime;

/// <summary>
/// <c>ws-connect</c>: <c>$connect</c> admits a socket with <c>?ticket=</c> (browsers) or <c>?token=</c> (wscat)
/// and records it; anything else gets 401, a user past the socket cap 429, and neither leaves a record.
/// <c>$disconnect</c> forgets the socket.
/// </summary>
public sealed class WsConnectFunction(ConnectionAdmission admission, ILogger<WsConnectFunction> logger)
    : JsonLambdaFunction<APIGatewayProxyRequest, APIGatewayProxyResponse>(
        LambdaContractsJsonContext.Default.APIGatewayProxyRequest,
        LambdaContractsJsonContext.Default.APIGatewayProxyResponse)
{
    protected override async Task<APIGatewayProxyResponse> HandleAsync(
        APIGatewayProxyRequest request, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        var context = request.RequestContext;
        if (context?.ConnectionId is not { Length: > 0 } connectionId)
            return new() { StatusCode = 400 };

        switch (context.RouteKey)
        {
            case WebSocketRoutes.Connect:
                var query = request.QueryStringParameters;
                var outcome = await admission.AdmitAsync(
                    connectionId, query?.GetValueOrDefault("token"), query?.GetValueOrDefault("ticket"), cancellationToken);
                // A $connect answer other than 2xx refuses the handshake with that status; there is no socket to close.
                return outcome switch
                {
                    AdmissionOutcome.Admitted => new() { StatusCode = 200 },
                    AdmissionOutcome.TooManySockets => new() { StatusCode = 429 },
                    _ => new() { StatusCode = 401 },
                };

            case WebSocketRoutes.Disconnect:
                await admission.ForgetAsync(connectionId, cancellationToken);
                logger.LogInformation("Socket {ConnectionId} closed: {StatusCode} {Reason}", connectionId, context.DisconnectStatusCode, context.DisconnectReason);
                return new() { StatusCode = 200 };

            default:
                return new() { StatusCode = 400 };
        }
    }
}
