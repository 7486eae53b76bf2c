using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Local.Lambda;

namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>
/// Stands where <c>notify</c> stands behind the stream poller, but only notes when each record's key arrived:
/// the moment a write becomes visible to the function, with no fan-out after it.
/// </summary>
public sealed class StreamArrivalRecorder(string keyAttribute) : ILambdaInvoker
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> arrivals = new(StringComparer.Ordinal);

    public Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        var arrivedAt = Stopwatch.GetTimestamp();
        var batch = JsonSerializer.Deserialize(payload, LambdaContractsJsonContext.Default.DynamoDBEvent);
        foreach (var record in batch?.Records ?? [])
        {
            if (record.Dynamodb?.Keys?.GetValueOrDefault(keyAttribute)?.S is { } key)
                Arrival(key).TrySetResult(arrivedAt);
        }

        // An empty answer is what a handler without batchItemFailures returns: the whole batch succeeded.
        return Task.FromResult(Array.Empty<byte>());
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the record with this key reached the function.</summary>
    public Task<long> ArrivalOf(string key) => Arrival(key).Task;

    private TaskCompletionSource<long> Arrival(string key) =>
        arrivals.GetOrAdd(key, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
