using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Local.Lambda;

namespace RealtimeCalendar.EndToEnd.Tests.Chaos;

/// <summary>A function behind the stream poller that succeeds and notes, per item <c>id</c>, the <c>n</c> of every new image it is given, in order.</summary>
internal sealed class SequenceRecordingLambda : ILambdaInvoker
{
    private readonly ConcurrentDictionary<string, List<int>> byItem = new(StringComparer.Ordinal);
    private int count;

    public int Count => Volatile.Read(ref count);

    public IReadOnlyList<int> Of(string id)
    {
        var list = byItem.GetOrAdd(id, _ => []);
        lock (list)
            return [.. list];
    }

    public Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        foreach (var record in JsonSerializer.Deserialize(payload, LambdaContractsJsonContext.Default.DynamoDBEvent)?.Records ?? [])
        {
            var id = record.Dynamodb?.Keys?["id"].S ?? "?";
            var n = int.Parse(record.Dynamodb?.NewImage?["n"].N ?? "-1", CultureInfo.InvariantCulture);
            var list = byItem.GetOrAdd(id, _ => []);
            lock (list)
                list.Add(n);
            Interlocked.Increment(ref count);
        }

        return Task.FromResult(Array.Empty<byte>());
    }
}
