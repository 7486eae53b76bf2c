using RealtimeCalendar.Core.Chat;

namespace RealtimeCalendar.Functions.Chat;

/// <summary>
/// The body of a chat answer: the assistant's words (never blank) and the events it changed. <c>refused</c> is true
/// when the model declined or its content filter withheld the answer; <c>reply</c> then says so.
/// </summary>
public sealed record ChatReply(string Reply, IReadOnlyList<ChatReplyChange> Changes, bool StoppedAtRoundLimit, bool Refused)
{
    public static ChatReply From(ChatAnswer answer) =>
        new(answer.Reply, [.. answer.Changes.Select(ChatReplyChange.From)], answer.StoppedAtRoundLimit, answer.Refused);
}
