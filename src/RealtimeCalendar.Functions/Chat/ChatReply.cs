using RealtimeCalendar.Core.Chat;

namespace RealtimeCalendar.Functions.Chat;

/// <summary>The body of a chat answer: the assistant's words and the events it changed.</summary>
public sealed record ChatReply(string Reply, IReadOnlyList<ChatReplyChange> Changes, bool StoppedAtRoundLimit)
{
    public static ChatReply From(ChatAnswer answer) =>
        new(answer.Reply, [.. answer.Changes.Select(ChatReplyChange.From)], answer.StoppedAtRoundLimit);
}
