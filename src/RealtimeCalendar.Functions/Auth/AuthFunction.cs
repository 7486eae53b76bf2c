using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Identity;
using RealtimeCalendar.Functions.Http;
using RealtimeCalendar.Lambda.Contracts.HttpApi;
using RealtimeCalendar.Functions.Routing;

namespace RealtimeCalendar.Functions.Auth;

/// <summary>
/// <c>auth</c>: <c>POST /api/realtime/ticket</c> issues a one-time, one-minute WebSocket ticket so browsers never put
/// their access token in a URL; <c>DELETE /api/realtime/tickets</c> (sign-out) voids every outstanding ticket of the user.
/// </summary>
public sealed class AuthFunction(RealtimeTickets tickets, RequestLimit requestLimit, ILogger<AuthFunction> logger)
    : SignedInHttpFunction(FunctionNames.Auth, requestLimit, logger)
{
    protected override async Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(
        APIGatewayHttpApiV2ProxyRequest request, HttpRoute route, string userId, CancellationToken cancellationToken)
    {
        if (route == HttpRoutes.IssueRealtimeTicket)
        {
            var issued = await tickets.IssueAsync(userId, cancellationToken);
            return HttpResponses.Json(201, issued, FunctionsJsonContext.Wire.IssuedTicket);
        }

        if (route == HttpRoutes.RevokeRealtimeTickets)
        {
            await tickets.RevokeAllAsync(userId, cancellationToken);
            return HttpResponses.Empty(204);
        }

        return NoSuchRoute(request);
    }
}
