using RealtimeCalendar.Core.Limits;

namespace RealtimeCalendar.Functions.Http;

/// <summary>A per-user rate (uses per user per window of <see cref="Rule"/>): the requests every signed-in HTTP route is held to, or the WebSocket tickets <c>auth</c> issues.</summary>
public sealed class RequestLimit(UsageQuota quota, QuotaRule rule)
{
    public QuotaRule Rule => rule;

    public Task<QuotaDecision> ConsumeAsync(string userId, CancellationToken cancellationToken) =>
        quota.ConsumeAsync(userId, rule, cancellationToken);
}
