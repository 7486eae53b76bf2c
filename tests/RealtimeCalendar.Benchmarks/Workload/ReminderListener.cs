using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace RealtimeCalendar.Benchmarks.Workload;

/// <summary>
/// One open tab of a reminder owner: a real <see cref="ClientWebSocket"/> that timestamps every <c>reminder</c> frame as it
/// is read off the socket (before parsing), keyed by the minute the reminder was due.
/// </summary>
public sealed class ReminderListener : IAsyncDisposable
{
    private readonly ClientWebSocket socket;
    private readonly List<(string ReminderId, DateTimeOffset DueAt, long ReceivedAt)> frames = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task receiving;
    private readonly Action<DateTimeOffset> onFrame;

    private ReminderListener(ClientWebSocket socket, Action<DateTimeOffset> onFrame)
    {
        this.socket = socket;
        this.onFrame = onFrame;
        receiving = Task.Run(ReceiveLoopAsync);
    }

    public IReadOnlyList<(string ReminderId, DateTimeOffset DueAt, long ReceivedAt)> Frames
    {
        get
        {
            lock (frames)
                return [.. frames];
        }
    }

    /// <summary>Connects with the access token in the query string (as wscat does); <paramref name="onFrame"/> hears each reminder's due minute.</summary>
    public static async Task<ReminderListener> ConnectAsync(Uri webSocketUrl, string accessToken, Action<DateTimeOffset> onFrame, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(new Uri($"{webSocketUrl}?token={Uri.EscapeDataString(accessToken)}"), cancellationToken);
            return new ReminderListener(socket, onFrame);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "benchmark done", timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }

        await stop.CancelAsync();
        await receiving;
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
    }

    private void Record(ReadOnlySpan<byte> message, long receivedAt)
    {
        using var json = JsonDocument.Parse(message.ToArray());
        var root = json.RootElement;
        if (root.GetProperty("type").GetString() != "reminder")
            return;
        var dueAt = root.GetProperty("occurrenceStart").GetDateTimeOffset().AddMinutes(-root.GetProperty("minutesBefore").GetInt32());
        lock (frames)
            frames.Add((root.GetProperty("reminderId").GetString()!, dueAt, receivedAt));
        onFrame(dueAt);
    }
}
