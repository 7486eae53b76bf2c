using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Chat;

/// <summary>Everything a chat question can end in; the HTTP layer maps each case to one status code.</summary>
public abstract record ChatOutcome
{
    private ChatOutcome()
    {
    }

    public sealed record Answered(ChatAnswer Answer) : ChatOutcome;

    public sealed record Invalid(IReadOnlyList<ValidationError> Errors) : ChatOutcome;

    /// <summary>The user's chat allowance is used up until <paramref name="RetryAfter"/> from now.</summary>
    public sealed record LimitReached(string Detail, TimeSpan RetryAfter) : ChatOutcome;

    /// <summary>The model cannot answer: <paramref name="Configured"/> false means no API key is set.</summary>
    public sealed record Unavailable(string Detail, bool Configured, TimeSpan? RetryAfter) : ChatOutcome;
}
