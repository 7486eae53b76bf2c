namespace RealtimeCalendar.Core.Limits;

/// <summary>
/// Per-user limits that protect the bill: counts each use in the current fixed window and refuses uses past the
/// limit until the window ends. Fixed windows need one counter write per use and no reads.
/// </summary>
public sealed class UsageQuota(IUsageCounter counter, TimeProvider time)
{
    public async Task<QuotaDecision> ConsumeAsync(string userId, QuotaRule rule, CancellationToken cancellationToken)
    {
        if (rule.IsOff)
            return QuotaDecision.Allow;

        var now = time.GetUtcNow();
        var windowTicks = rule.Window.Ticks;
        var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % windowTicks), TimeSpan.Zero);
        var windowEnd = windowStart + rule.Window;
        var key = $"quota#{rule.Name}#{userId}#{windowStart.ToUnixTimeSeconds()}";

        var used = await counter.IncrementAsync(key, windowEnd, cancellationToken);
        if (used <= rule.Limit)
            return QuotaDecision.Allow;

        // Whole seconds, rounded up: Retry-After carries seconds and must not invite a retry that is still too early.
        var retryAfter = TimeSpan.FromSeconds(Math.Ceiling((windowEnd - now).TotalSeconds));
        return new QuotaDecision(false, retryAfter);
    }
}
