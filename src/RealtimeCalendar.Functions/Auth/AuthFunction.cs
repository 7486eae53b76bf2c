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
/// <param name="ticketLimit">Tickets per user per minute: each ticket can open a socket, so this caps how fast one user's sockets can be opened.</param>
public sealed class AuthFunction(RealtimeTickets tickets, RequestLimit requestLimit, RequestLimit ticketLimit, ILogger<AuthFunction> logger)
    : SignedInHttpFunction(FunctionNames.Auth, requestLimit, logger)
{
    protected override async Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(
        APIGatewayHttpApiV2ProxyRequest request, HttpRoute route, string userId, CancellationToken cancellationToken)
    {
        if (route == HttpRoutes.IssueRealtimeTicket)
        {
            var allowance = await ticketLimit.ConsumeAsync(userId, cancellationToken);
            if (!allowance.Allowed)
            {
                logger.LogWarning("{UserId} is past {Limit} tickets per {Window}", userId, ticketLimit.Rule.Limit, ticketLimit.Rule.Window);
                return HttpResponses.TooManyRequests(
                    $"At most {ticketLimit.Rule.Limit} WebSocket tickets per minute are issued to one user.", allowance.RetryAfter);
            }

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
