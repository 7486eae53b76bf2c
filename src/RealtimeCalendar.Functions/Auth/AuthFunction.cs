using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Identity;
using RealtimeCalendar.Functions.Http;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.HttpApi;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Functions.Auth;

/// <summary>
/// <c>auth</c>: <c>POST /api/realtime/ticket</c> issues a one-time, one-minute WebSocket ticket so browsers never put
/// their access token in a URL; <c>DELETE /api/realtime/tickets</c> (sign-out) voids every outstanding ticket of the user.
/// </summary>
public sealed class AuthFunction(RealtimeTickets tickets, ILogger<AuthFunction> logger)
    : JsonLambdaFunction<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>(
        LambdaContractsJsonContext.Default.APIGatewayHttpApiV2ProxyRequest,
        LambdaContractsJsonContext.Default.APIGatewayHttpApiV2ProxyResponse)
{
    protected override async Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(
        APIGatewayHttpApiV2ProxyRequest request, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        if (RequestIdentity.UserId(request) is not { } userId)
            return HttpResponses.Problem(401, ProblemTypes.Unauthorized, "Sign-in required.", "The request carries no verified user.");

        try
        {
            switch (request.RouteKey)
            {
                case "POST /api/realtime/ticket":
                    var issued = await tickets.IssueAsync(userId, cancellationToken);
                    return HttpResponses.Json(201, issued, FunctionsJsonContext.Default.IssuedTicket);
                case "DELETE /api/realtime/tickets":
                    await tickets.RevokeAllAsync(userId, cancellationToken);
                    return HttpResponses.Empty(204);
                default:
                    return HttpResponses.Problem(404, ProblemTypes.NotFound, "No such route.", $"'{request.RouteKey}' is not an auth route.");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "auth failed on {RouteKey} for {UserId} in {RequestId}", request.RouteKey, userId, invocation.RequestId);
            return HttpResponses.Problem(500, ProblemTypes.Internal, "Something went wrong on our side.", $"Request id: {invocation.RequestId}");
        }
    }
}
