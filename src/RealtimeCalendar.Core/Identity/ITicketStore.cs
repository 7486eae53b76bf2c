namespace RealtimeCalendar.Core.Identity;

/// <summary>The Sessions table's tickets.</summary>
public interface ITicketStore
{
    Task PutAsync(RealtimeTicket ticket, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically removes the ticket and returns it if it existed and had not expired at <paramref name="now"/>;
    /// a second take of the same ticket always gets null.
    /// </summary>
    Task<RealtimeTicket?> TakeAsync(string ticketHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes every outstanding ticket of a user (sign-out, account removal).</summary>
    Task DeleteAllForUserAsync(string userId, CancellationToken cancellationToken);
}
