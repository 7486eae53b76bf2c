namespace RealtimeCalendar.OpenAI.Chat;

/// <summary>
/// Which model to call and how patiently. <see cref="Endpoint"/> lets any server that speaks OpenAI's Chat Completions
/// API stand in (Azure-style proxies, local model servers, the test server).
/// </summary>
public sealed record OpenAIChatOptions
{
    public string Model { get; init; } = "gpt-4o-mini";

    /// <summary>The API base, e.g. <c>https://api.openai.com/v1</c>; null for OpenAI's own.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>How long one call may take before it is abandoned and retried; a question makes several calls within API Gateway's 30 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>Retries after a 429, a 5xx, a network failure or a timeout.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>First backoff delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A server's Retry-After is honoured up to this long; longer waits give up instead of holding the request.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>What a user or operator is told when no API key is configured.</summary>
    public string SetupHint { get; init; } =
        "Chat is not configured: set OPENAI_API_KEY before starting the local cloud, or create the SSM SecureString parameter named by OPENAI_API_KEY_PARAMETER in the cloud.";
}
