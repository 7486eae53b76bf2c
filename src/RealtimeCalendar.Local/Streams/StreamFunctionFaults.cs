using System.Text.Json;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.DynamoDb;
using RealtimeCalendar.Local.Lambda;

namespace RealtimeCalendar.Local.Streams;

/// <summary>
/// Fault switch between the stream's event source mapping and its function (off by default): a chosen share of records
/// makes the invocation fail, as a Lambda crash or timeout would. The function still runs on the records before the
/// failing one (their pushes go out), then the invocation errors, so the mapping retries the whole batch and those
/// pushes arrive twice, exactly what a mid-batch crash does on AWS. The production handler is untouched; draws come
/// from one seeded <see cref="Random"/>, so runs replay.
/// </summary>
public sealed class StreamFunctionFaults(ILambdaInvoker inner, int seed) : ILambdaInvoker
{
    private readonly Random random = new(seed);
    private double failureShare;
    private long injected;

    /// <summary>Share (0..1) of records on which the invocation fails.</summary>
    public double FailureShare
    {
        get => Volatile.Read(ref failureShare);
        set => Volatile.Write(ref failureShare, value is >= 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A share is between 0 and 1."));
    }

    /// <summary>Invocations failed by this switch so far.</summary>
    public long InjectedFailures => Interlocked.Read(ref injected);

    public async Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        var share = FailureShare;
        if (share <= 0)
            return await inner.InvokeAsync(functionName, payload, cancellationToken);

        var records = JsonSerializer.Deserialize(payload, LambdaContractsJsonContext.Default.DynamoDBEvent)?.Records ?? [];
        var failAt = -1;
        lock (random)
        {
            for (var i = 0; i < records.Count && failAt < 0; i++)
            {
                if (random.NextDouble() < share)
                    failAt = i;
            }
        }

        if (failAt < 0)
            return await inner.InvokeAsync(functionName, payload, cancellationToken);

        if (failAt > 0)
        {
            var before = JsonSerializer.SerializeToUtf8Bytes(
                new DynamoDBEvent { Records = records[..failAt] }, LambdaContractsJsonContext.Default.DynamoDBEvent);
            await inner.InvokeAsync(functionName, before, cancellationToken);
        }

        Interlocked.Increment(ref injected);
        throw new LambdaFunctionException(
            "Runtime.InjectedFault", $"{{\"errorMessage\":\"fault switch: {functionName} failed on record {failAt} of {records.Count}\"}}");
    }
}
