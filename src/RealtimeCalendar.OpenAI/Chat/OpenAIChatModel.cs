using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;
using Polly;
using Polly.Timeout;
using RealtimeCalendar.Core.Chat.Model;
using RealtimeCalendar.Core.Secrets;

namespace RealtimeCalendar.OpenAI.Chat;

/// <summary>
/// The chat model behind OpenAI's Chat Completions API (or any server that speaks it), through the official OpenAI
/// client with tool calling. The API key is read from its <see cref="ISecretSource"/> when needed and only ever
/// travels in the Authorization header the client sets; nothing here logs it or puts it in an error.
/// </summary>
public sealed class OpenAIChatModel : IChatModel
{
    private readonly ISecretSource apiKey;
    private readonly OpenAIChatOptions options;
    private readonly HttpClient http;
    private readonly ResiliencePipeline resilience;
    private readonly TimeProvider time;
    private readonly ILogger<OpenAIChatModel> logger;
    private (string Key, ChatClient Client)? current;

    public OpenAIChatModel(ISecretSource apiKey, OpenAIChatOptions options, HttpClient http, TimeProvider time, ILogger<OpenAIChatModel> logger)
    {
        this.apiKey = apiKey;
        this.options = options;
        this.http = http;
        this.time = time;
        this.logger = logger;
        resilience = ChatModelResilience.Create(options, time);
    }

    public async Task<ChatModelStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var configured = await apiKey.GetAsync(cancellationToken) is not null;
        return new ChatModelStatus(configured, options.Model, configured ? null : options.SetupHint);
    }

    public async Task<ModelReply> CompleteAsync(IReadOnlyList<ModelMessage> messages, IReadOnlyList<ModelTool> tools, CancellationToken cancellationToken)
    {
        var key = await apiKey.GetAsync(cancellationToken)
            ?? throw new ChatModelUnavailableException(options.SetupHint, configured: false, retryAfter: null, innerException: null);
        var client = ClientFor(key);
        var conversation = ConversationMapping.ToOpenAI(messages);
        var completionOptions = ConversationMapping.ToOptions(tools);

        try
        {
            var completion = await resilience.ExecuteAsync(
                async token => (await client.CompleteChatAsync(conversation, completionOptions, token)).Value,
                cancellationToken);
            return ConversationMapping.ToReply(completion);
        }
        catch (ClientResultException failure)
        {
            // The status only: an error body may quote the request, and the request carried the user's words.
            logger.LogWarning("Chat model {Model} answered {Status}", options.Model, failure.Status);
            throw Unavailable(failure, time);
        }
        catch (TimeoutRejectedException timeout)
        {
            logger.LogWarning("Chat model {Model} did not answer within {Timeout}", options.Model, options.AttemptTimeout);
            throw new ChatModelUnavailableException(
                $"The chat model did not answer within {options.AttemptTimeout.TotalSeconds:0} seconds; try again shortly.", configured: true, retryAfter: null, timeout);
        }
        catch (HttpRequestException network)
        {
            logger.LogWarning("Chat model {Model} could not be reached: {Error}", options.Model, network.HttpRequestError);
            throw new ChatModelUnavailableException("The chat model could not be reached; try again shortly.", configured: true, retryAfter: null, network);
        }
    }

    private static ChatModelUnavailableException Unavailable(ClientResultException failure, TimeProvider time) => failure.Status switch
    {
        429 => new("The chat model is busy (rate limited); try again shortly.", configured: true, ChatModelResilience.RetryAfter(failure, time), failure),
        401 or 403 => new("The chat model refused the configured API key; the operator needs to check it.", configured: true, retryAfter: null, failure),
        >= 500 or 0 => new("The chat model is failing; try again shortly.", configured: true, retryAfter: null, failure),
        _ => new($"The chat model rejected the request ({failure.Status}).", configured: true, retryAfter: null, failure),
    };

    // A client per key: the key may change (rotated in SSM) without a restart.
    private ChatClient ClientFor(string key)
    {
        if (current is { } known && string.Equals(known.Key, key, StringComparison.Ordinal))
            return known.Client;

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            Transport = new HttpClientPipelineTransport(http),
            // Polly's per-attempt timeout governs; this only keeps the client's own default from cutting in first.
            NetworkTimeout = options.AttemptTimeout + TimeSpan.FromSeconds(5),
        };
        var client = new ChatClient(options.Model, new ApiKeyCredential(key), clientOptions);
        current = (key, client);
        return client;
    }
}
