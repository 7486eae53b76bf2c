using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using RealtimeCalendar.Benchmarks.Measurement;

namespace RealtimeCalendar.Benchmarks.Workload;

/// <summary>
/// One open tab: a real <see cref="ClientWebSocket"/> whose receive loop timestamps every <c>event.changed</c> message the
/// moment it is read off the socket, before parsing, so the client's own JSON work never counts as push latency.
/// </summary>
public sealed class ListeningSocket : IAsyncDisposable
{
    private readonly ClientWebSocket socket;
    private readonly DeliveryProgress progress;
    private readonly List<Delivery> deliveries = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task receiving;
    private int otherFrames;
    private volatile bool closing;

    private ListeningSocket(int index, BenchmarkUser user, ClientWebSocket socket, DeliveryProgress progress)
    {
        Index = index;
        User = user;
        this.socket = socket;
        this.progress = progress;
        receiving = Task.Run(ReceiveLoopAsync);
    }

    public int Index { get; }

    public BenchmarkUser User { get; }

    /// <summary>Frames that were not <c>event.changed</c> (pong, error); none are expected in a push run.</summary>
    public int OtherFrames => Volatile.Read(ref otherFrames);

    /// <summary>The server closed the socket, or it broke, before the run closed it.</summary>
    public bool DroppedEarly { get; private set; }

    public IReadOnlyList<Delivery> Deliveries
    {
        get
        {
            lock (deliveries)
                return [.. deliveries];
        }
    }

    public static async Task<ListeningSocket> ConnectAsync(
        int index, BenchmarkUser user, Uri webSocketUrl, string ticket, DeliveryProgress progress, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(new Uri($"{webSocketUrl}?ticket={Uri.EscapeDataString(ticket)}"), cancellationToken);
            return new ListeningSocket(index, user, socket, progress);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        closing = true;
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "benchmark done", cancellationToken);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Already gone; the receive loop has recorded that.
        }

        await stop.CancelAsync();
        await receiving;
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync(CancellationToken.None);
        socket.Dispose();
        stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length)
                        Array.Resize(ref buffer, buffer.Length * 2);
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), stop.Token);
                    count += result.Count;
                }
                while (!result.EndOfMessage);

                var receivedAt = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                Record(buffer.AsSpan(0, count), receivedAt);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }

        DroppedEarly = !closing;
    }

    private void Record(ReadOnlySpan<byte> message, long receivedAt)
    {
        if (ChangeFrame.Read(message) is not { } change)
        {
            Interlocked.Increment(ref otherFrames);
            return;
        }

        lock (deliveries)
            deliveries.Add(change with { ReceivedAt = receivedAt });
        progress.Record(receivedAt);
    }
}
