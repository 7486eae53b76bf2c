namespace RealtimeCalendar.Core.Chat;

/// <summary>
/// The assistant's reply and the events it changed on the way. <see cref="StoppedAtRoundLimit"/> is true when the model
/// kept asking for tools past the limit and the assistant gave up (changes made until then stay made).
/// </summary>
public sealed record ChatAnswer(string Reply, IReadOnlyList<ChatChange> Changes, bool StoppedAtRoundLimit);
