namespace RealtimeCalendar.Core.Chat.Model;

/// <summary>
/// One completion: text for the user, or tool calls to run before asking again (or both, or neither).
/// <see cref="Refusal"/> is the model's refusal message (Chat Completions sends it with <c>content: null</c>);
/// <see cref="Finish"/> says why the model stopped. Text may be null or blank: the assistant never passes that on.
/// </summary>
public sealed record ModelReply(string? Text, IReadOnlyList<ModelToolCall> ToolCalls, string? Refusal = null, ModelFinish Finish = ModelFinish.Stop);
