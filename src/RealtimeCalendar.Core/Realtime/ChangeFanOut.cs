using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace RealtimeCalendar.Core.Realtime;

/// <summary>
/// Sends one change message to every open socket of a user: in parallel up to a bound, transient failures retried
/// with jittered exponential backoff, dead sockets' records deleted. Rejected posts (e.g. 413) are settled, not
/// failed: the same message would be rejected forever, so redelivering the change could never succeed.
/// </summary>
public sealed class ChangeFanOut
{
    private readonly IConnectionStore connections;
    private readonly IConnectionPublisher publisher;
    private readonly ChangeFanOutOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<ChangeFanOut> logger;
    private readonly ResiliencePipeline<PostAttempt> retry;

    public ChangeFanOut(
        IConnectionStore connections, IConnectionPublisher publisher, ChangeFanOutOptions options, TimeProvider time, ILogger<ChangeFanOut> logger)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetryAttempts, nameof(options));

        this.connections = connections;
        this.publisher = publisher;
        this.options = options;
        this.time = time;
        this.logger = logger;
        retry = BuildRetry(options, time, logger);
    }

    public async Task<FanOutResult> SendAsync(string userId, ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        (await SendInOrderAsync(userId, [message], cancellationToken))[0];

    /// <summary>
    /// Sends several changes of one user, in order, to each of the user's sockets. The sockets are served in parallel (up
    /// to the bound) and each socket gets message i+1 as soon as it has taken message i, without waiting for the other
    /// sockets: a slow post holds back only its own socket. Once a post has failed (after its retries), no socket starts
    /// a later message (those count as failed), since the caller redelivers from the first incomplete message; sockets
    /// that were already ahead get those messages twice, which tabs ignore by version. The user's sockets are looked
    /// up once for all the messages.
    /// </summary>
    /// <returns>One result per message, in the order given.</returns>
    public async Task<IReadOnlyList<FanOutResult>> SendInOrderAsync(
        string userId, IReadOnlyList<ReadOnlyMemory<byte>> messages, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
            return [];
        return await SendInOrderAsync(userId, await connections.ListByUserAsync(userId, cancellationToken), messages, cancellationToken);
    }

    /// <summary>
    /// As <see cref="SendInOrderAsync(string, IReadOnlyList{ReadOnlyMemory{byte}}, CancellationToken)"/>, to sockets the
    /// caller has just looked up (<see cref="IConnectionStore.ListByUserAsync"/>), for a caller that needed to know them first.
    /// </summary>
    public async Task<IReadOnlyList<FanOutResult>> SendInOrderAsync(
        string userId, IReadOnlyList<ConnectionRecord> sockets, IReadOnlyList<ReadOnlyMemory<byte>> messages, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(sockets);
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
            return [];
        if (sockets.Count == 0)
            return [.. messages.Select(_ => FanOutResult.None)];

        var delivered = new int[messages.Count];
        var gone = new int[messages.Count];
        var rejected = new int[messages.Count];
        var failed = new int[messages.Count];
        // The first message some socket failed on: everything after it will be redelivered anyway, so no socket starts it.
        var firstFailed = int.MaxValue;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(sockets, parallel, async (socket, token) =>
        {
            for (var i = 0; i < messages.Count; i++)
            {
                if (i > Volatile.Read(ref firstFailed))
                {
                    CountFrom(failed, i);
                    return;
                }

                switch (await SendToAsync(socket, messages[i], token))
                {
                    case PostOutcome.Delivered:
                        Interlocked.Increment(ref delivered[i]);
                        break;
                    case PostOutcome.Rejected:
                        Interlocked.Increment(ref rejected[i]);
                        break;
                    case PostOutcome.Gone:
                        // Settled for this message and every later one: the socket no longer exists (or does not yet).
                        CountFrom(gone, i);
                        if (time.GetUtcNow() - socket.ConnectedAt >= options.HandshakeGrace)
                            await ForgetAsync(socket, token);
                        return;
                    default:
                        CountFrom(failed, i);
                        InterlockedMin(ref firstFailed, i);
                        return;
                }
            }
        });

        var results = new FanOutResult[messages.Count];
        for (var i = 0; i < results.Length; i++)
            results[i] = new FanOutResult(delivered[i], gone[i], rejected[i], failed[i]);
        var incomplete = Array.FindIndex(results, r => !r.Complete);
        logger.Log(
            incomplete < 0 ? LogLevel.Debug : LogLevel.Warning,
            "Fan-out of {Count} changes to {UserId} over {Sockets} sockets: {Delivered} delivered, {Gone} gone, {Rejected} rejected, {Failed} failed",
            messages.Count, userId, sockets.Count, delivered.Sum(), gone.Sum(), rejected.Sum(), failed.Sum());
        return results;
    }

    private static void InterlockedMin(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value < seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
                return;
            seen = previous;
        }
    }

    private static void CountFrom(int[] counts, int first)
    {
        for (var i = first; i < counts.Length; i++)
            Interlocked.Increment(ref counts[i]);
    }

    private async Task<PostOutcome> SendToAsync(ConnectionRecord socket, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        // API Gateway closes every socket within its lifetime; a record past it is a TTL deletion still pending.
        if (socket.ExpiresAt <= time.GetUtcNow())
            return PostOutcome.Gone;

        try
        {
            var attempt = await retry.ExecuteAsync(
                static async (state, token) => new PostAttempt(await state.publisher.PostAsync(state.socket.ConnectionId, state.message, token)),
                (publisher, socket, message),
                cancellationToken);
            return attempt.Outcome;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // One socket's trouble (retries exhausted on HttpRequestException, or anything unforeseen) must not stop
            // the others; the change is redelivered because this counts as failed.
            logger.LogWarning(exception, "Post to {ConnectionId} failed", socket.ConnectionId);
            return PostOutcome.Transient;
        }
    }

    private async Task ForgetAsync(ConnectionRecord socket, CancellationToken cancellationToken)
    {
        try
        {
            await connections.DeleteAsync(socket.ConnectionId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The message is settled either way; the next change or the table's TTL removes the record.
            logger.LogWarning(exception, "Could not delete gone connection {ConnectionId}", socket.ConnectionId);
        }
    }

    private static ResiliencePipeline<PostAttempt> BuildRetry(ChangeFanOutOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<PostAttempt> { TimeProvider = time };
        if (options.MaxRetryAttempts == 0)
            return builder.Build();

        return builder.AddRetry(new RetryStrategyOptions<PostAttempt>
        {
            ShouldHandle = new PredicateBuilder<PostAttempt>().HandleResult(a => a.Outcome == PostOutcome.Transient).Handle<HttpRequestException>(),
            MaxRetryAttempts = options.MaxRetryAttempts,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.RetryMaxDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            OnRetry = arguments =>
            {
                logger.LogDebug(
                    arguments.Outcome.Exception,
                    "Post retry {Attempt} after {Delay}: {Outcome}",
                    arguments.AttemptNumber + 1, arguments.RetryDelay, arguments.Outcome.Exception is null ? arguments.Outcome.Result?.Outcome : null);
                return default;
            },
        }).Build();
    }
}
