namespace RealtimeCalendar.Core.Chat.Model;

/// <summary>Why the model stopped, in Chat Completions' <c>finish_reason</c> terms.</summary>
public enum ModelFinish
{
    /// <summary><c>stop</c>: a complete answer (or a refusal).</summary>
    Stop,

    /// <summary><c>tool_calls</c>: the model wants tools run before it answers.</summary>
    ToolCalls,

    /// <summary><c>length</c>: the answer hit the token limit and is cut short.</summary>
    Length,

    /// <summary><c>content_filter</c>: the provider's content filter withheld (part of) the answer.</summary>
    ContentFilter,
}
