using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Identity;

namespace RealtimeCalendar.Core.Realtime;

/// <summary>
/// Decides who may open a socket (a valid access token or an unused ticket) and records the connection
/// for at most two hours; a refused connect leaves nothing behind.
/// </summary>
public sealed class ConnectionAdmission(
    IAccessTokenValidator tokens, RealtimeTickets tickets, IConnectionStore connections, TimeProvider time, ILogger<ConnectionAdmission> logger)
{
    public async Task<string?> AdmitAsync(string connectionId, string? token, string? ticket, CancellationToken cancellationToken)
    {
        string? userId = null;
        if (!string.IsNullOrEmpty(ticket))
        {
            userId = await tickets.RedeemAsync(ticket, cancellationToken);
        }
        else if (!string.IsNullOrEmpty(token))
        {
            var validation = await tokens.ValidateAsync(token, cancellationToken);
            userId = validation.UserId;
            if (!validation.IsValid)
                logger.LogInformation("Socket {ConnectionId} refused: {Reason}", connectionId, validation.Error);
        }

        if (userId is null)
            return null;

        var now = time.GetUtcNow();
        await connections.PutAsync(new ConnectionRecord(connectionId, userId, now, now + ConnectionRecord.MaxLifetime), cancellationToken);
        logger.LogInformation("Socket {ConnectionId} opened for {UserId}", connectionId, userId);
        return userId;
    }

    public Task ForgetAsync(string connectionId, CancellationToken cancellationToken) =>
        connections.DeleteAsync(connectionId, cancellationToken);
}
