namespace RealtimeCalendar.Core.Chat.Model;

/// <summary>One message of the conversation sent to the model, in the provider-neutral shape of a tool-calling chat.</summary>
public abstract record ModelMessage
{
    private ModelMessage()
    {
    }

    /// <summary>Instructions: who the assistant is, the user's time zone and the current date.</summary>
    public sealed record System(string Text) : ModelMessage;

    public sealed record User(string Text) : ModelMessage;

    /// <summary>An earlier answer of the model: text, tool calls, or both.</summary>
    public sealed record Assistant(string? Text, IReadOnlyList<ModelToolCall> ToolCalls) : ModelMessage;

    /// <summary>The outcome of one tool call, as JSON, answered to the call with the same id.</summary>
    public sealed record ToolResult(string CallId, string Json) : ModelMessage;
}
