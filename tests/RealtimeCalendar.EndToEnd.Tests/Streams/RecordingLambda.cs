using System.Text.Json;
using System.Threading.Channels;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Local.Lambda;

namespace RealtimeCalendar.EndToEnd.Tests.Streams;

/// <summary>A function behind the stream poller that succeeds and notes the <c>id</c> key of every record it is given.</summary>
internal sealed class RecordingLambda : ILambdaInvoker
{
    private readonly Channel<string> keys = Channel.CreateUnbounded<string>();

    public ChannelReader<string> Keys => keys.Reader;

    public Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        foreach (var record in JsonSerializer.Deserialize(payload, LambdaContractsJsonContext.Default.DynamoDBEvent)?.Records ?? [])
            keys.Writer.TryWrite(record.Dynamodb?.Keys?["id"].S ?? "?");
        return Task.FromResult(Array.Empty<byte>());
    }
}
