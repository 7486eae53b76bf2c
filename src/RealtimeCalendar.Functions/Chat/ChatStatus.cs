namespace RealtimeCalendar.Functions.Chat;

/// <summary>What <c>GET /api/chat</c> tells a client that the chat is ready: the model and the limits of a question.</summary>
public sealed record ChatStatus(string Model, int MaxTurns, int MaxMessageLength);
