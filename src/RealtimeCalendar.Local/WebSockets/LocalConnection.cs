using System.Net.WebSockets;

namespace RealtimeCalendar.Local.WebSockets;

/// <summary>One socket held by the local gateway, as API Gateway holds it: sends are serialized, activity is tracked.</summary>
public sealed class LocalConnection(string connectionId, WebSocket socket, DateTimeOffset connectedAt, string? sourceIp, string? userAgent) : IDisposable
{
    private readonly SemaphoreSlim sendLock = new(1, 1);

    public string ConnectionId { get; } = connectionId;

    public DateTimeOffset ConnectedAt { get; } = connectedAt;

    public DateTimeOffset LastActiveAt { get; set; } = connectedAt;

    public string? SourceIp { get; } = sourceIp;

    public string? UserAgent { get; } = userAgent;

    public bool IsOpen => socket.State == WebSocketState.Open;

    /// <summary>Set when the gateway itself ends the connection (idle, lifetime, DeleteConnection).</summary>
    public CancellationTokenSource Closing { get; } = new();

    public async Task<bool> SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            if (socket.State != WebSocketState.Open)
                return false;
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            sendLock.Release();
        }
    }

    public void Dispose()
    {
        sendLock.Dispose();
        Closing.Dispose();
    }
}
