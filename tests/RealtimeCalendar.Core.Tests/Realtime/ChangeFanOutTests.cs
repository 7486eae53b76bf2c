using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.Core.Realtime;

namespace RealtimeCalendar.Core.Tests.Realtime;

public sealed class ChangeFanOutTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private static readonly byte[] Message = """{"type":"event.changed","op":"upsert","eventId":"e1","version":2}"""u8.ToArray();

    private static readonly ReadOnlyMemory<byte>[] Changes =
    [
        """{"eventId":"e1","version":1}"""u8.ToArray(),
        """{"eventId":"e1","version":2}"""u8.ToArray(),
        """{"eventId":"e1","version":3}"""u8.ToArray(),
    ];

    /// <summary>Real retry counts and bounds, no waiting between attempts.</summary>
    private static readonly ChangeFanOutOptions Immediate = new() { RetryBaseDelay = TimeSpan.Zero };

    private readonly InMemoryConnectionStore store = new();
    private readonly ScriptedPublisher publisher = new();
    private readonly FakeTimeProvider time = new(Now);

    [Fact]
    public async Task Every_socket_of_the_user_gets_the_message_and_no_other_users_do()
    {
        await Connect("alice", "a1", "a2", "a3");
        await Connect("bob", "b1", "b2");

        var result = await FanOut().SendAsync("alice", Message, CancellationToken.None);

        Assert.Equal(new FanOutResult(3, 0, 0, 0), result);
        Assert.True(result.Complete);
        Assert.Equal(["a1", "a2", "a3"], publisher.Posts.Select(p => p.ConnectionId).Order(StringComparer.Ordinal));
        Assert.All(publisher.Posts, p => Assert.Equal(Message, p.Message));
    }

    [Fact]
    public async Task A_user_without_sockets_gets_nothing_sent()
    {
        await Connect("bob", "b1");

        var result = await FanOut().SendAsync("alice", Message, CancellationToken.None);

        Assert.Equal(FanOutResult.None, result);
        Assert.Empty(publisher.Posts);
    }

    [Fact]
    public async Task Gone_socket_has_its_record_deleted()
    {
        await Connect("alice", "a1", "a2");
        publisher.Script("a1", PostOutcome.Gone);

        var result = await FanOut().SendAsync("alice", Message, CancellationToken.None);

        Assert.Equal(new FanOutResult(1, 1, 0, 0), result);
        Assert.True(result.Complete);
        Assert.False(store.Contains("a1"));
        Assert.True(store.Contains("a2"));
        Assert.Equal(1, publisher.PostsTo("a1"));
    }

    [Fact]
    public async Task A_410_for_a_socket_still_in_its_handshake_keeps_its_record_until_it_is_past_it()
    {
        // Stored by ws-connect a moment ago; API Gateway answers 410 until $connect completes.
        await store.PutAsync(new ConnectionRecord("new", "alice", Now - TimeSpan.FromSeconds(2), Now + ConnectionRecord.MaxLifetime), CancellationToken.None);
        publisher.Script("new", PostOutcome.Gone, PostOutcome.Gone);

        var during = await FanOut().SendAsync("alice", Message, CancellationToken.None);
        var keptDuring = store.Contains("new");
        time.Advance(new ChangeFanOutOptions().HandshakeGrace);
        var after = await FanOut().SendAsync("alice", Message, CancellationToken.None);

        Assert.Equal((new FanOutResult(0, 1, 0, 0), true), (during, keptDuring));
        Assert.True(during.Complete);
        Assert.Equal(new FanOutResult(0, 1, 0, 0), after);
        Assert.False(store.Contains("new"));
    }

    [Fact]
    public async Task Throttled_post_is_retried_and_delivered()
    {
        await Connect("alice", "a1");
        publisher.Script("a1", PostOutcome.Transient, PostOutcome.Delivered);

        var result = await FanOut().SendAsync("alice", Message, CancellationToken.None);

        Assert.Equal(new FanOutResult(1, 0, 0, 0), result);
        Assert.Equal(2, publisher.PostsTo("a1"));
    }

    [Fact]
    public async Task Post_that_got_no_answer_is_retried_and_delivered()
    {
        await Connect("alice", "a1");
        publisher.Script("a1", new HttpRequestException("connection reset"), PostOutcome.Delivered);

        var result = await FanOut().SendAsync("alice", Message, CancellationToken.None);

        Assert.Equal(new FanOutResult(1, 0, 0, 0), result);
        Assert.Equal(2, publisher.PostsTo("a1"));
    }

    [Fact]
    public async Task Permanent_server_errors_fail_after_every_retry_and_keep_the_record()
    {
        await Connect("alice", "a1", "a2");
        publisher.Script("a1", Enumerable.Repeat<object>(PostOutcome.Transient, 10).ToArray());

        var result = await FanOut().SendAsync("alice", Message, CancellationToken.None);

        Assert.Equal(new FanOutResult(1, 0, 0, 1), result);
        Assert.False(result.Complete);
        Assert.Equal(Immediate.MaxRetryAttempts + 1, publisher.PostsTo("a1"));
        Assert.True(store.Contains("a1"));
    }

    [Fact]
    public async Task Exceptions_on_every_attempt_fail_that_socket_only()
    {
        await Connect("alice", "a1", "a2");
        var options = Immediate with { MaxRetryAttempts = 2 };
        publisher.Script("a1", Enumerable.Range(0, 10).Select(_ => (object)new HttpRequestException("refused")).ToArray());

        var result = await FanOut(options).SendAsync("alice", Message, CancellationToken.None);

        Assert.Equal(new FanOutResult(1, 0, 0, 1), result);
        Assert.Equal(3, publisher.PostsTo("a1"));
    }

    [Fact]
    public async Task Rejected_post_is_not_retried_and_does_not_fail_the_change()
    {
        await Connect("alice", "a1", "a2");
        publisher.Script("a1", PostOutcome.Rejected, PostOutcome.Delivered);

        var result = await FanOut().SendAsync("alice", Message, CancellationToken.None);

        Assert.Equal(new FanOutResult(1, 0, 1, 0), result);
        Assert.True(result.Complete);
        Assert.Equal(1, publisher.PostsTo("a1"));
        Assert.True(store.Contains("a1"));
    }

    [Fact]
    public async Task Expired_record_is_deleted_without_a_post()
    {
        await store.PutAsync(new ConnectionRecord("old", "alice", Now - TimeSpan.FromHours(3), Now - TimeSpan.FromHours(1)), CancellationToken.None);
        await Connect("alice", "a1");

        var result = await FanOut().SendAsync("alice", Message, CancellationToken.None);

        Assert.Equal(new FanOutResult(1, 1, 0, 0), result);
        Assert.Equal(0, publisher.PostsTo("old"));
        Assert.False(store.Contains("old"));
    }

    [Fact]
    public async Task Posts_in_flight_never_exceed_the_bound()
    {
        var ids = Enumerable.Range(0, 20).Select(i => $"c{i:D2}").ToArray();
        await Connect("alice", ids);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        publisher.Gate = gate.Task;
        var options = Immediate with { MaxDegreeOfParallelism = 4 };

        var sending = FanOut(options).SendAsync("alice", Message, CancellationToken.None);
        await WaitUntil(() => publisher.InFlight == 4);
        await Task.Delay(100); // room for a fifth post to start if the bound leaked
        Assert.Equal(4, publisher.InFlight);
        gate.SetResult();
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new FanOutResult(20, 0, 0, 0), result);
        Assert.Equal(4, publisher.MaxInFlight);
    }

    [Fact]
    public async Task Retry_waits_for_the_backoff_on_the_given_clock()
    {
        await Connect("alice", "a1");
        publisher.Script("a1", PostOutcome.Transient, PostOutcome.Delivered);
        var options = new ChangeFanOutOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(50), RetryMaxDelay = TimeSpan.FromSeconds(1) };

        var sending = FanOut(options).SendAsync("alice", Message, CancellationToken.None);
        await WaitUntil(() => publisher.PostsTo("a1") == 1);
        await Task.Delay(100); // real time passes, the fake clock does not: no second post yet
        Assert.Equal(1, publisher.PostsTo("a1"));
        Assert.False(sending.IsCompleted);

        // Polly may register its delay on the fake clock a moment after the first post; keep advancing until it fires.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!sending.IsCompleted && DateTime.UtcNow < deadline)
        {
            time.Advance(options.RetryMaxDelay);
            await Task.Delay(10);
        }

        var result = await sending.WaitAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(new FanOutResult(1, 0, 0, 0), result);
        Assert.Equal(2, publisher.PostsTo("a1"));
    }

    [Fact]
    public async Task A_users_changes_reach_each_socket_in_order_and_a_slow_socket_holds_back_only_itself()
    {
        await Connect("alice", "a1", "a2");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        publisher.Hold("a2", gate.Task);

        var sending = FanOut().SendInOrderAsync("alice", Changes, CancellationToken.None);
        await WaitUntil(() => publisher.PostsTo("a1") == 3);
        Assert.Equal(1, publisher.PostsTo("a2"));
        gate.SetResult();
        var results = await sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(results, r => Assert.Equal(new FanOutResult(2, 0, 0, 0), r));
        Assert.Equal(Changes.Select(c => c.ToArray()), publisher.MessagesTo("a1"));
        Assert.Equal(Changes.Select(c => c.ToArray()), publisher.MessagesTo("a2"));
    }

    [Fact]
    public async Task After_a_failed_post_no_socket_starts_a_later_change()
    {
        await Connect("alice", "a1", "a2");
        publisher.Script("a1", Enumerable.Repeat<object>(PostOutcome.Transient, 10).ToArray());

        // One socket at a time, in id order: a1 has failed the first change before a2 is served.
        var results = await FanOut(Immediate with { MaxDegreeOfParallelism = 1 }).SendInOrderAsync("alice", Changes, CancellationToken.None);

        Assert.Equal([new FanOutResult(1, 0, 0, 1), new FanOutResult(0, 0, 0, 2), new FanOutResult(0, 0, 0, 2)], results);
        Assert.All(publisher.MessagesTo("a1"), m => Assert.Equal(Changes[0].ToArray(), m));
        Assert.Equal([Changes[0].ToArray()], publisher.MessagesTo("a2"));
    }

    [Fact]
    public async Task A_gone_socket_is_forgotten_once_and_settles_every_later_change()
    {
        await Connect("alice", "a1", "a2");
        publisher.Script("a1", PostOutcome.Gone);

        var results = await FanOut().SendInOrderAsync("alice", Changes, CancellationToken.None);

        Assert.All(results, r => Assert.Equal(new FanOutResult(1, 1, 0, 0), r));
        Assert.Equal(1, publisher.PostsTo("a1"));
        Assert.False(store.Contains("a1"));
    }

    private ChangeFanOut FanOut(ChangeFanOutOptions? options = null) =>
        new(store, publisher, options ?? Immediate, time, NullLogger<ChangeFanOut>.Instance);

    /// <summary>Sockets that connected a minute ago: past their handshake.</summary>
    private async Task Connect(string userId, params string[] connectionIds)
    {
        var connectedAt = Now - TimeSpan.FromMinutes(1);
        foreach (var id in connectionIds)
            await store.PutAsync(new ConnectionRecord(id, userId, connectedAt, connectedAt + ConnectionRecord.MaxLifetime), CancellationToken.None);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
            await Task.Delay(5, limit.Token);
    }
}
