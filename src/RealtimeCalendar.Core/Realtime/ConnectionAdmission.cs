using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Identity;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Core.Realtime;

/// <summary>
/// Decides who may open a socket (a valid access token or an unused ticket, and fewer than <paramref name="socketsPerUser"/>
/// sockets already open) and records the connection for at most two hours; a refused connect leaves nothing behind.
/// </summary>
/// <param name="socketsPerUser">
/// The per-user socket cap; 0 turns it off. Past it the new socket is refused and the open ones keep working: closing
/// the oldest instead would let a stolen token (or a 21st tab) evict the user's own tabs, which reconnect and evict
/// each other in turn, each round billed. The count reads the Connections table's userId index, so it holds across
/// every function instance; records past their <see cref="ConnectionRecord.ExpiresAt"/> are not counted (TTL deletes
/// lag), and two connects racing at the cap may both pass (the index is read, not locked).
/// </param>
/// <param name="missedReminders">
/// When given, an admitted socket wakes its user's reminders that fired while no tab was open (sent by the next sweep,
/// once the socket is live); null where reminders are not kept.
/// </param>
public sealed class ConnectionAdmission(
    IAccessTokenValidator tokens,
    RealtimeTickets tickets,
    IConnectionStore connections,
    int socketsPerUser,
    TimeProvider time,
    ILogger<ConnectionAdmission> logger,
    MissedReminders? missedReminders = null)
{
    public async Task<AdmissionOutcome> AdmitAsync(string connectionId, string? token, string? ticket, CancellationToken cancellationToken)
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
            return AdmissionOutcome.Unauthenticated;

        var now = time.GetUtcNow();
        if (socketsPerUser > 0)
        {
            var open = (await connections.ListByUserAsync(userId, cancellationToken)).Count(c => c.ExpiresAt > now);
            if (open >= socketsPerUser)
            {
                logger.LogWarning("Socket {ConnectionId} refused: {UserId} already holds {Open} of {Cap} sockets", connectionId, userId, open, socketsPerUser);
                return AdmissionOutcome.TooManySockets;
            }
        }

        // Before the record, not after: from the record's write until $connect returns, a post to the socket answers 410
        // (the socket is not open yet), and past the handshake grace that 410 deletes the record. Anything slow belongs
        // before it. The next sweep, seconds to a minute later, finds the record.
        if (missedReminders is not null)
        {
            try
            {
                await missedReminders.WakeAsync(userId, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The socket opens either way; the reminders wait for the next connect (or expire).
                logger.LogWarning(exception, "Missed reminders of {UserId} could not be woken for socket {ConnectionId}", userId, connectionId);
            }
        }

        await connections.PutAsync(new ConnectionRecord(connectionId, userId, now, now + ConnectionRecord.MaxLifetime), cancellationToken);
        logger.LogInformation("Socket {ConnectionId} opened for {UserId}", connectionId, userId);
        return AdmissionOutcome.Admitted;
    }

    public Task ForgetAsync(string connectionId, CancellationToken cancellationToken) =>
        connections.DeleteAsync(connectionId, cancellationToken);
}
