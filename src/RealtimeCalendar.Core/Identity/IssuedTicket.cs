namespace RealtimeCalendar.Core.Identity;

/// <summary>What the caller gets back: the ticket in clear (once) and when it stops working.</summary>
public sealed record IssuedTicket(string Ticket, DateTimeOffset ExpiresAt);
