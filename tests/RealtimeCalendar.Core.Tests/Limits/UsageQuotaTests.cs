using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.Core.Limits;

namespace RealtimeCalendar.Core.Tests.Limits;

public sealed class UsageQuotaTests
{
    private static readonly QuotaRule ThreePerMinute = new("requests", 3, TimeSpan.FromMinutes(1));

    [Fact]
    public async Task Uses_past_the_limit_are_refused_until_the_window_ends()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 15, TimeSpan.Zero));
        var quota = new UsageQuota(new InMemoryUsageCounter(), time);

        for (var i = 0; i < 3; i++)
            Assert.True((await quota.ConsumeAsync("u1", ThreePerMinute, CancellationToken.None)).Allowed);
        var refused = await quota.ConsumeAsync("u1", ThreePerMinute, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(45));
        var nextWindow = await quota.ConsumeAsync("u1", ThreePerMinute, CancellationToken.None);

        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(45), refused.RetryAfter);
        Assert.True(nextWindow.Allowed);
    }

    [Fact]
    public async Task Each_user_and_each_rule_counts_separately()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
        var counter = new InMemoryUsageCounter();
        var quota = new UsageQuota(counter, time);
        var chat = new QuotaRule("chat", 1, TimeSpan.FromDays(1));

        Assert.True((await quota.ConsumeAsync("u1", chat, CancellationToken.None)).Allowed);
        Assert.True((await quota.ConsumeAsync("u2", chat, CancellationToken.None)).Allowed);
        Assert.True((await quota.ConsumeAsync("u1", ThreePerMinute, CancellationToken.None)).Allowed);
        var second = await quota.ConsumeAsync("u1", chat, CancellationToken.None);

        Assert.False(second.Allowed);
        Assert.Equal(TimeSpan.FromHours(14), second.RetryAfter);
        Assert.Equal(3, counter.Keys.Count);
    }

    [Fact]
    public async Task A_limit_of_zero_turns_the_rule_off_without_counting()
    {
        var counter = new InMemoryUsageCounter();
        var quota = new UsageQuota(counter, TimeProvider.System);

        for (var i = 0; i < 10; i++)
            Assert.True((await quota.ConsumeAsync("u1", new QuotaRule("requests", 0, TimeSpan.FromMinutes(1)), CancellationToken.None)).Allowed);
        Assert.Empty(counter.Keys);
    }
}
