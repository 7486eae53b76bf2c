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

    public async Task<FanOutResult> SendAsync(string userId, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var sockets = await connections.ListByUserAsync(userId, cancellationToken);
        if (sockets.Count == 0)
            return FanOutResult.None;

        int delivered = 0, gone = 0, rejected = 0, failed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(sockets, parallel, async (socket, token) =>
        {
            switch (await SendToAsync(socket, message, token))
            {
                case PostOutcome.Delivered:
                    Interlocked.Increment(ref delivered);
                    break;
                case PostOutcome.Gone:
                    Interlocked.Increment(ref gone);
                    await ForgetAsync(socket, token);
                    break;
                case PostOutcome.Rejected:
                    Interlocked.Increment(ref rejected);
                    break;
                default:
                    Interlocked.Increment(ref failed);
                    break;
            }
        });

        var result = new FanOutResult(delivered, gone, rejected, failed);
        logger.Log(
            result.Complete ? LogLevel.Debug : LogLevel.Warning,
            "Fan-out to {UserId}: {Delivered} delivered, {Gone} gone, {Rejected} rejected, {Failed} failed",
            userId, result.Delivered, result.Gone, result.Rejected, result.Failed);
        return result;
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
