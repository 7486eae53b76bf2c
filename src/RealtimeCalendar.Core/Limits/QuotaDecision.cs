namespace RealtimeCalendar.Core.Limits;

/// <summary>Whether a use fits the rule; when not, <paramref name="RetryAfter"/> is the time until the window resets.</summary>
public sealed record QuotaDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static QuotaDecision Allow { get; } = new(true, TimeSpan.Zero);
}
