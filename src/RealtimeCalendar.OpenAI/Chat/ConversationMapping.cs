using OpenAI.Chat;
using RealtimeCalendar.Core.Chat.Model;

namespace RealtimeCalendar.OpenAI.Chat;

/// <summary>Translates the provider-neutral conversation and tools into the OpenAI client's types, and its reply back.</summary>
internal static class ConversationMapping
{
    public static List<ChatMessage> ToOpenAI(IReadOnlyList<ModelMessage> messages) => [.. messages.Select(ToOpenAI)];

    public static ChatCompletionOptions ToOptions(IReadOnlyList<ModelTool> tools)
    {
        var options = new ChatCompletionOptions();
        foreach (var tool in tools)
            options.Tools.Add(ChatTool.CreateFunctionTool(tool.Name, tool.Description, BinaryData.FromString(tool.ParametersSchemaJson)));
        return options;
    }

    public static ModelReply ToReply(ChatCompletion completion)
    {
        var text = string.Concat(completion.Content.Where(part => part.Kind == ChatMessageContentPartKind.Text).Select(part => part.Text));
        var calls = completion.ToolCalls
            .Where(call => call.Kind == ChatToolCallKind.Function)
            .Select(call => new ModelToolCall(call.Id, call.FunctionName, call.FunctionArguments.ToString()))
            .ToList();
        return new ModelReply(text.Length > 0 ? text : null, calls, completion.Refusal, ToFinish(completion.FinishReason));
    }

    private static ModelFinish ToFinish(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.ToolCalls or ChatFinishReason.FunctionCall => ModelFinish.ToolCalls,
        ChatFinishReason.Length => ModelFinish.Length,
        ChatFinishReason.ContentFilter => ModelFinish.ContentFilter,
        _ => ModelFinish.Stop,
    };

    private static ChatMessage ToOpenAI(ModelMessage message) => message switch
    {
        ModelMessage.System system => new SystemChatMessage(system.Text),
        ModelMessage.User user => new UserChatMessage(user.Text),
        ModelMessage.Assistant { ToolCalls.Count: 0 } assistant => new AssistantChatMessage(assistant.Text ?? string.Empty),
        ModelMessage.Assistant assistant => ToolCallMessage(assistant),
        ModelMessage.ToolResult result => new ToolChatMessage(result.CallId, result.Json),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "Unknown message kind."),
    };

    private static AssistantChatMessage ToolCallMessage(ModelMessage.Assistant assistant)
    {
        var message = new AssistantChatMessage(
            assistant.ToolCalls.Select(call => ChatToolCall.CreateFunctionToolCall(call.Id, call.Name, BinaryData.FromString(call.ArgumentsJson))));
        if (!string.IsNullOrEmpty(assistant.Text))
            message.Content.Add(ChatMessageContentPart.CreateTextPart(assistant.Text));
        return message;
    }
}
