using RealtimeCalendar.Core.Limits;

namespace RealtimeCalendar.Functions.Http;

/// <summary>The per-user request rate every signed-in HTTP route is held to (requests per user per minute).</summary>
public sealed class RequestLimit(UsageQuota quota, QuotaRule rule)
{
    public QuotaRule Rule => rule;

    public Task<QuotaDecision> ConsumeAsync(string userId, CancellationToken cancellationToken) =>
        quota.ConsumeAsync(userId, rule, cancellationToken);
}
