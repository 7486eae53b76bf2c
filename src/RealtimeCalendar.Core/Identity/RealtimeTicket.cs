namespace RealtimeCalendar.Core.Identity;

/// <summary>A stored one-time WebSocket ticket: only the hash of the ticket is kept, never the ticket itself.</summary>
public sealed record RealtimeTicket(string TicketHash, string UserId, DateTimeOffset ExpiresAt);
