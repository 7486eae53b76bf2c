using RealtimeCalendar.Core.Limits;

namespace RealtimeCalendar.Core.Chat;

/// <summary>Bounds on one chat question: what a client may send and how long a confused model may go on.</summary>
public sealed record ChatOptions
{
    /// <summary>Most turns a question may carry; older turns are the client's to drop.</summary>
    public int MaxTurns { get; init; } = 20;

    public int MaxTurnLength { get; init; } = 2_000;

    /// <summary>Most model calls per question: each round may run tools, so this bounds cost and loops.</summary>
    public int MaxModelRounds { get; init; } = 6;

    /// <summary>Most tool calls run from one model reply; the rest are answered with an error.</summary>
    public int MaxToolCallsPerRound { get; init; } = 8;

    /// <summary>Questions per user per UTC day: each costs model tokens, so this bounds the bill.</summary>
    public QuotaRule DailyQuestions { get; init; } = new("chat", 200, TimeSpan.FromDays(1));
}
