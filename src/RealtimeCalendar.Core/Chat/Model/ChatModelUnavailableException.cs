namespace RealtimeCalendar.Core.Chat.Model;

/// <summary>
/// The model gave no answer: not configured, or still failing (throttled, erroring, too slow) after the retries.
/// <see cref="Detail"/> is safe to show a user; <see cref="RetryAfter"/> says when trying again makes sense.
/// </summary>
public sealed class ChatModelUnavailableException : Exception
{
    public ChatModelUnavailableException()
        : this("The chat model is not available.")
    {
    }

    public ChatModelUnavailableException(string message)
        : this(message, configured: true, retryAfter: null, innerException: null)
    {
    }

    public ChatModelUnavailableException(string message, Exception innerException)
        : this(message, configured: true, retryAfter: null, innerException)
    {
    }

    public ChatModelUnavailableException(string message, bool configured, TimeSpan? retryAfter, Exception? innerException)
        : base(message, innerException)
    {
        Configured = configured;
        RetryAfter = retryAfter;
    }

    public string Detail => Message;

    /// <summary>False when the model has no API key: retrying will not help until someone configures it.</summary>
    public bool Configured { get; }

    public TimeSpan? RetryAfter { get; }
}
