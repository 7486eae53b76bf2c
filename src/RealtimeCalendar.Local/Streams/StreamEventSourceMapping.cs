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
    private readonly ConcurrentDictionary<string, Task> shardReaders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> finishedShards = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private Task? discovery;
    private long batchesInvoked;
    private long recordsDelivered;

    public long BatchesInvoked => Interlocked.Read(ref batchesInvoked);

    public long RecordsDelivered => Interlocked.Read(ref recordsDelivered);

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
                    var start = firstPass ? "LATEST" : "TRIM_HORIZON";
                    // The first iterator is taken here, not in the reader, so Listening really means "listening".
                    var iterator = await NewIteratorAsync(streamArn, shard.ShardId, start, null, cancellationToken);
                    shardReaders[shard.ShardId] = Task.Run(() => ReadShardAsync(streamArn, shard.ShardId, start, iterator, cancellationToken), cancellationToken);
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

    private async Task ReadShardAsync(string streamArn, string shardId, string startPosition, string? iterator, CancellationToken cancellationToken)
    {
        string? lastSequenceNumber = null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                iterator ??= await NewIteratorAsync(streamArn, shardId, startPosition, lastSequenceNumber, cancellationToken);
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
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // DynamoDB Local restarting, an expired iterator: resume after the last record handed over.
                iterator = null;
                if (exception is StreamsApiException { IsTrimmedDataAccess: true })
                {
                    // Every record the shard holds is past our position, so read them all. DynamoDB Local numbers
                    // records across all its tables: a LATEST iterator taken on an empty shard points at the
                    // shard's first number and is "trimmed" once other tables' writes make the first record later.
                    // Resuming at LATEST there silently dropped the table's first writes.
                    startPosition = "TRIM_HORIZON";
                    lastSequenceNumber = null;
                }
                failures++;
                logger.LogWarning("Reading stream shard {ShardId} failed ({Failures}), resuming: {Error}", shardId, failures, exception.Message);
                await Task.Delay(Backoff(failures), cancellationToken);
            }
        }

        finishedShards[shardId] = true;
    }

    private async Task<string?> NewIteratorAsync(string streamArn, string shardId, string startPosition, string? lastSequenceNumber, CancellationToken cancellationToken)
    {
        var request = lastSequenceNumber is null
            ? new GetShardIteratorRequest(streamArn, shardId, startPosition, null)
            : new GetShardIteratorRequest(streamArn, shardId, "AFTER_SEQUENCE_NUMBER", lastSequenceNumber);
        return (await streams.GetShardIteratorAsync(request, cancellationToken)).ShardIterator;
    }

    /// <summary>One batch, retried from its first failed record as Lambda does with ReportBatchItemFailures.</summary>
    private async Task DeliverAsync(List<DynamoDBEvent.DynamodbStreamRecord> records, CancellationToken cancellationToken)
    {
        var pending = records;
        for (var attempt = 0; ; attempt++)
        {
            var failedFrom = await InvokeAsync(pending, cancellationToken);
            Interlocked.Add(ref recordsDelivered, failedFrom);
            if (failedFrom >= pending.Count)
                return;

            pending = pending[failedFrom..];
            if (attempt >= options.MaximumRetryAttempts)
            {
                logger.LogError(
                    "Giving up {Count} stream records from {SequenceNumber} after {Attempts} attempts",
                    pending.Count, pending[0].Dynamodb?.SequenceNumber, attempt + 1);
                return;
            }

            await Task.Delay(Backoff(attempt + 1), cancellationToken);
        }
    }

    /// <returns>The index of the first record to retry; <c>records.Count</c> when all succeeded.</returns>
    private async Task<int> InvokeAsync(List<DynamoDBEvent.DynamodbStreamRecord> records, CancellationToken cancellationToken)
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
            logger.LogWarning(exception, "{Function} failed on a batch of {Count}; retrying the whole batch", options.FunctionName, records.Count);
            return 0;
        }

        var failedIds = response?.BatchItemFailures.Select(f => f.ItemIdentifier).ToHashSet(StringComparer.Ordinal) ?? [];
        if (failedIds.Count == 0)
            return records.Count;
        var first = records.FindIndex(r => failedIds.Contains(r.Dynamodb?.SequenceNumber));
        // An identifier that names no record in the batch fails the whole batch, as Lambda treats it.
        return first < 0 ? 0 : first;
    }

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(5_000, options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 10))));
}
