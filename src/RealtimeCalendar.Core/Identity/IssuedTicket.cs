using System.Text.Json.Serialization;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Identity;

/// <summary>What the caller gets back: the ticket in clear (once) and when it stops working.</summary>
public sealed record IssuedTicket(string Ticket, [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset ExpiresAt);
