namespace RealtimeCalendar.Core.Chat.Model;

/// <summary>
/// A chat model that can call tools: the seam between the calendar assistant and a provider (OpenAI's API, or any
/// server that speaks it). Throws <see cref="ChatModelUnavailableException"/> when it cannot answer.
/// </summary>
public interface IChatModel
{
    /// <summary>Whether the model is configured (an API key is set) and which one it is, without calling it.</summary>
    Task<ChatModelStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>One completion: the model either answers in text or asks for tool calls.</summary>
    Task<ModelReply> CompleteAsync(IReadOnlyList<ModelMessage> messages, IReadOnlyList<ModelTool> tools, CancellationToken cancellationToken);
}
