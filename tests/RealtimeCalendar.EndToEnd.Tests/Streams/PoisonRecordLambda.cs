using System.Text.Json;
using System.Threading.Channels;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Local.Lambda;

namespace RealtimeCalendar.EndToEnd.Tests.Streams;

/// <summary>
/// A function behind the stream poller that fails every invocation whose batch holds the <c>poison</c> record, and notes
/// the <c>id</c> keys of the batches it takes. Its first invocation waits for <see cref="Release"/>, so the records
/// written meanwhile reach it as one batch.
/// </summary>
internal sealed class PoisonRecordLambda : ILambdaInvoker
{
    public const string Poison = "poison";

    private readonly Channel<string> keys = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource firstInvoked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int invocations;

    public ChannelReader<string> Keys => keys.Reader;

    public Task FirstInvoked => firstInvoked.Task;

    public void Release() => released.TrySetResult();

    public async Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref invocations) == 1)
        {
            firstInvoked.TrySetResult();
            await released.Task.WaitAsync(cancellationToken);
        }

        var ids = (JsonSerializer.Deserialize(payload, LambdaContractsJsonContext.Default.DynamoDBEvent)?.Records ?? [])
            .Select(r => r.Dynamodb?.Keys?["id"].S ?? "?")
            .ToList();
        if (ids.Contains(Poison))
            throw new LambdaFunctionException("Runtime.Poison", "{\"errorMessage\":\"poison record\"}");
        foreach (var id in ids)
            keys.Writer.TryWrite(id);
        return [];
    }
}
