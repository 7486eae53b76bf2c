using System.Collections.Concurrent;
using System.Text.Json;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.DynamoDb;
using RealtimeCalendar.Local.Lambda;

namespace RealtimeCalendar.Local.Streams;

/// <summary>
/// Plays Lambda's event source mapping for a DynamoDB stream: discovers shards (following rollover to child
/// shards), reads each in order, invokes the function with the same <see cref="DynamoDBEvent"/> JSON Lambda
/// sends, and on <c>batchItemFailures</c> retries from the first failed record, so records before it are
/// never re-sent and records of one item never overtake each other.
/// </summary>
public sealed class StreamEventSourceMapping(
    DynamoDbStreamsClient streams,
    Func<CancellationToken, Task<string>> resolveStreamArn,
    ILambdaInvoker lambda,
    StreamEventSourceMappingOptions options,
    ILogger<StreamEventSourceMapping> logger) : IAsyncDisposable
{
    /// <summary>GetRecords' own maximum, for skipping what a shard held before the mapping started.</summary>
    private const int MaxRecordsPerRead = 1000;

    private readonly ConcurrentDictionary<string, Task> shardReaders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> finishedShards = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private Task? discovery;
    private long batchesInvoked;
    private long recordsDelivered;
    private long recordsGivenUp;
    private long functionErrors;
    private long readFailures;

    public long BatchesInvoked => Interlocked.Read(ref batchesInvoked);

    public long RecordsDelivered => Interlocked.Read(ref recordsDelivered);

    /// <summary>Records dropped after the last retry (on AWS they would go to the on-failure destination); a chaos run expects 0.</summary>
    public long RecordsGivenUp => Interlocked.Read(ref recordsGivenUp);

    /// <summary>Invocations that failed as a whole (the function threw or timed out).</summary>
    public long FunctionErrors => Interlocked.Read(ref functionErrors);

    /// <summary>Stream reads that failed and were resumed from the last record handed over (e.g. while DynamoDB Local restarted).</summary>
    public long ReadFailures => Interlocked.Read(ref readFailures);

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every open shard has an iterator, so no write made after it can be missed.</summary>
    public Task Listening => listening.Task;

    public void Start() => discovery = Task.Run(() => DiscoverLoopAsync(stopping.Token));

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            if (discovery is not null)
                await discovery;
            await Task.WhenAll(shardReaders.Values);
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }

        stopping.Dispose();
    }

    private async Task DiscoverLoopAsync(CancellationToken cancellationToken)
    {
        var firstPass = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var streamArn = await resolveStreamArn(cancellationToken);
                foreach (var shard in await ListShardsAsync(streamArn, cancellationToken))
                {
                    var isClosed = shard.SequenceNumberRange?.EndingSequenceNumber is not null;
                    if (shardReaders.ContainsKey(shard.ShardId) || (firstPass && isClosed))
                        continue;
                    // Children wait for their parent to be read to the end, so one item's records stay in order.
                    if (shard.ParentShardId is { } parent && shardReaders.ContainsKey(parent) && !finishedShards.ContainsKey(parent))
                        continue;
                    // The first iterator is taken here, not in the reader, so Listening really means "listening".
                    var iterator = await NewIteratorAsync(streamArn, shard.ShardId, null, cancellationToken);
                    string? lastSequenceNumber = null;
                    if (firstPass)
                        (iterator, lastSequenceNumber) = await SkipExistingRecordsAsync(iterator, cancellationToken);
                    shardReaders[shard.ShardId] = Task.Run(
                        () => ReadShardAsync(streamArn, shard.ShardId, iterator, lastSequenceNumber, cancellationToken), cancellationToken);
                }

                firstPass = false;
                listening.TrySetResult();
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Stream shard discovery failed, will retry: {Error}", exception.Message);
            }

            await Task.Delay(options.ShardDiscoveryInterval, cancellationToken);
        }
    }

    private async Task<List<StreamShard>> ListShardsAsync(string streamArn, CancellationToken cancellationToken)
    {
        var shards = new List<StreamShard>();
        string? after = null;
        do
        {
            var page = await streams.DescribeStreamAsync(streamArn, after, cancellationToken);
            shards.AddRange(page.StreamDescription.Shards ?? []);
            after = page.StreamDescription.LastEvaluatedShardId;
        }
        while (after is not null);
        return shards;
    }

    /// <summary>
    /// Lambda's LATEST, by sequence number: reads past the records already in the shard without delivering them. DynamoDB
    /// Local cannot be given LATEST itself: any iterator taken while a shard is still empty answers
    /// TrimmedDataAccessException on its first record once another table has been written in between (always the case
    /// here: tickets and connections are written before the first event), so the reader must be able to resume from
    /// TRIM_HORIZON, which is only right if nothing older was in the shard.
    /// </summary>
    /// <returns>An iterator after the last existing record, and that record's sequence number (null when the shard was empty).</returns>
    private async Task<(string? Iterator, string? LastSequenceNumber)> SkipExistingRecordsAsync(string? iterator, CancellationToken cancellationToken)
    {
        string? lastSequenceNumber = null;
        while (iterator is not null)
        {
            var page = await streams.GetRecordsAsync(iterator, MaxRecordsPerRead, cancellationToken);
            if (page.Records is not { Count: > 0 } records)
                break;
            lastSequenceNumber = records[^1].Dynamodb?.SequenceNumber ?? lastSequenceNumber;
            iterator = page.NextShardIterator;
        }

        return (iterator, lastSequenceNumber);
    }

    /// <param name="lastSequenceNumber">The last record already handed over or skipped; null reads the shard from its start.</param>
    private async Task ReadShardAsync(string streamArn, string shardId, string? iterator, string? lastSequenceNumber, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                iterator ??= await NewIteratorAsync(streamArn, shardId, lastSequenceNumber, cancellationToken);
                if (iterator is null)
                    break;

                var page = await streams.GetRecordsAsync(iterator, options.BatchSize, cancellationToken);
                failures = 0;
                var records = page.Records ?? [];
                if (records.Count > 0)
                {
                    foreach (var record in records)
                        record.EventSourceArn = streamArn;
                    await DeliverAsync(records, cancellationToken);
                    lastSequenceNumber = records[^1].Dynamodb?.SequenceNumber ?? lastSequenceNumber;
                }

                iterator = page.NextShardIterator;
                if (iterator is null)
                    break; // The shard is closed and fully read; discovery starts its children.
                if (records.Count == 0)
                    await Task.Delay(options.IdlePollDelay, cancellationToken);
            }
            catch (StreamsApiException exception) when (exception.IsTrimmedData && lastSequenceNumber is null && failures == 0)
            {
                // The DynamoDB Local quirk above: an iterator from when the shard was empty. Nothing was handed over
                // yet, so reading from the start again loses and repeats nothing; no backoff, the records are waiting.
                // Counted as a failure so that, should it repeat, the ordinary backoff below takes over.
                iterator = null;
                failures++;
                logger.LogDebug("Stream shard {ShardId}: iterator from before its first record was rejected, rereading from its start", shardId);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // DynamoDB Local restarting, an expired iterator: resume after the last record handed over. A new iterator
                // is always taken (AFTER_SEQUENCE_NUMBER of that record), never the old one reused: after a restart the
                // old one may name a position the server no longer holds.
                iterator = null;
                failures++;
                Interlocked.Increment(ref readFailures);
                logger.LogWarning("Reading stream shard {ShardId} failed ({Failures}), resuming: {Error}", shardId, failures, exception.Message);
                await Task.Delay(Backoff(failures), cancellationToken);
            }
        }

        finishedShards[shardId] = true;
    }

    private async Task<string?> NewIteratorAsync(string streamArn, string shardId, string? lastSequenceNumber, CancellationToken cancellationToken)
    {
        var request = lastSequenceNumber is null
            ? new GetShardIteratorRequest(streamArn, shardId, "TRIM_HORIZON", null)
            : new GetShardIteratorRequest(streamArn, shardId, "AFTER_SEQUENCE_NUMBER", lastSequenceNumber);
        return (await streams.GetShardIteratorAsync(request, cancellationToken)).ShardIterator;
    }

    /// <summary>
    /// One batch, retried from its first failed record as Lambda does with ReportBatchItemFailures. When the function
    /// itself fails (throws, times out) and the batch holds more than one record, it is split in two and the halves are
    /// delivered one after the other (Lambda's BisectBatchOnFunctionError, which the stack turns on), so a failure tied
    /// to some records cannot use up the retries of a whole batch.
    /// </summary>
    private async Task DeliverAsync(List<DynamoDBEvent.DynamodbStreamRecord> records, CancellationToken cancellationToken)
    {
        var pending = records;
        for (var attempt = 0; ; attempt++)
        {
            var (failedFrom, functionError) = await InvokeAsync(pending, cancellationToken);
            Interlocked.Add(ref recordsDelivered, failedFrom);
            if (failedFrom >= pending.Count)
                return;

            pending = pending[failedFrom..];
            if (functionError && options.BisectBatchOnFunctionError && pending.Count > 1)
            {
                var half = pending.Count / 2;
                await DeliverAsync(pending[..half], cancellationToken);
                await DeliverAsync(pending[half..], cancellationToken);
                return;
            }

            if (attempt >= options.MaximumRetryAttempts)
            {
                Interlocked.Add(ref recordsGivenUp, pending.Count);
                logger.LogError(
                    "Giving up {Count} stream records from {SequenceNumber} after {Attempts} attempts",
                    pending.Count, pending[0].Dynamodb?.SequenceNumber, attempt + 1);
                return;
            }

            await Task.Delay(Backoff(attempt + 1), cancellationToken);
        }
    }

    /// <returns>The index of the first record to retry (<c>records.Count</c> when all succeeded), and whether the function itself failed.</returns>
    private async Task<(int FailedFrom, bool FunctionError)> InvokeAsync(List<DynamoDBEvent.DynamodbStreamRecord> records, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new DynamoDBEvent { Records = records }, LambdaContractsJsonContext.Default.DynamoDBEvent);
        Interlocked.Increment(ref batchesInvoked);
        StreamsEventResponse? response;
        try
        {
            var result = await lambda.InvokeAsync(options.FunctionName, payload, cancellationToken);
            response = result.Length == 0 ? null : JsonSerializer.Deserialize(result, LambdaContractsJsonContext.Default.StreamsEventResponse);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref functionErrors);
            logger.LogWarning("{Function} failed on a batch of {Count}; retrying it: {Error}", options.FunctionName, records.Count, exception.Message);
            return (0, true);
        }

        var failedIds = response?.BatchItemFailures.Select(f => f.ItemIdentifier).ToHashSet(StringComparer.Ordinal) ?? [];
        if (failedIds.Count == 0)
            return (records.Count, false);
        var first = records.FindIndex(r => failedIds.Contains(r.Dynamodb?.SequenceNumber));
        // An identifier that names no record in the batch fails the whole batch, as Lambda treats it.
        return (first < 0 ? 0 : first, false);
    }

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(5_000, options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 10))));
}
