namespace RealtimeCalendar.Core.Chat;

/// <summary>
/// The assistant's reply and the events it changed on the way. <see cref="Reply"/> is never blank. <see cref="StoppedAtRoundLimit"/>
/// is true when the model kept asking for tools past the limit and the assistant gave up (changes made until then stay
/// made). <see cref="Refused"/> is true when the model declined (its <c>refusal</c>) or its provider's content filter
/// withheld the answer; <see cref="Reply"/> then says so in words.
/// </summary>
public sealed record ChatAnswer(string Reply, IReadOnlyList<ChatChange> Changes, bool StoppedAtRoundLimit, bool Refused = false);
