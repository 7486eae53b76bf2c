using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace RealtimeCalendar.EndToEnd.Tests.Fixtures;

/// <summary>A real WebSocket client that records every message the server sends, for tests to wait on.</summary>
public sealed class TestSocket : IAsyncDisposable
{
    // Generous: CI machines are small and busy; a missing message still fails, only later.
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket socket;
    private readonly Channel<JsonObject> inbox = Channel.CreateUnbounded<JsonObject>();
    private readonly List<JsonObject> received = [];
    private readonly Task receiving;
    private readonly CancellationTokenSource stop = new();

    private TestSocket(ClientWebSocket socket)
    {
        this.socket = socket;
        receiving = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Every message received so far, in arrival order.</summary>
    public IReadOnlyList<JsonObject> Received
    {
        get
        {
            lock (received)
                return [.. received];
        }
    }

    public WebSocketState State => socket.State;

    public static async Task<TestSocket> ConnectAsync(Uri webSocketUrl, string query)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(webSocketUrl + query), CancellationToken.None);
        return new TestSocket(socket);
    }

    /// <summary>Tries to connect and returns the HTTP status the handshake got (101 when the socket opened).</summary>
    public static async Task<HttpStatusCode> HandshakeStatusAsync(Uri webSocketUrl, string query)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(new Uri(webSocketUrl + query), CancellationToken.None);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }

        return socket.HttpStatusCode;
    }

    public Task SendAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>Sends exactly these bytes as one message of the type, valid UTF-8 or not.</summary>
    public Task SendBytesAsync(byte[] bytes, WebSocketMessageType type) =>
        socket.SendAsync(bytes, type, endOfMessage: true, CancellationToken.None);

    /// <summary>Waits for the next message (after those already taken) that matches.</summary>
    public async Task<JsonObject> NextAsync(Func<JsonObject, bool> match, TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        while (true)
        {
            var message = await inbox.Reader.ReadAsync(timeout.Token);
            if (match(message))
                return message;
        }
    }

    /// <summary>The next event.changed message for the event.</summary>
    public Task<JsonObject> NextChangeAsync(string eventId, TimeSpan? wait = null) =>
        NextAsync(m => (string?)m["type"] == "event.changed" && (string?)m["eventId"] == eventId, wait);

    public async Task CloseAsync()
    {
        if (socket.State == WebSocketState.Open)
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync();
        }
        catch (WebSocketException)
        {
        }

        await stop.CancelAsync();
        await receiving;
        socket.Dispose();
        stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[256 * 1024];
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
                if (result.MessageType == WebSocketMessageType.Close)
                    break;

                var message = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, count))!.AsObject();
                lock (received)
                    received.Add(message);
                await inbox.Writer.WriteAsync(message);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            inbox.Writer.TryComplete();
        }
    }
}
