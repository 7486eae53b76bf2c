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

    /// <summary>Set when the gateway itself ends the connection (idle, lifetime, DeleteConnection, a fault switch).</summary>
    public CancellationTokenSource Closing { get; } = new();

    /// <summary>Why a fault switch ended the connection; null when none did.</summary>
    public string? DropReason { get; private set; }

    /// <summary>The gateway lost this connection: its end invokes no <c>$disconnect</c>, so its record stays behind.</summary>
    public bool DisconnectLost { get; private set; }

    /// <summary>Ends the socket from the gateway's side, as API Gateway does now and then (1001 Going away).</summary>
    /// <param name="loseDisconnect">Skip <c>$disconnect</c>, as when API Gateway loses a connection: only a 410 to a later post tells.</param>
    public void Drop(string reason, bool loseDisconnect)
    {
        DropReason = reason;
        DisconnectLost = loseDisconnect;
        try
        {
            Closing.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The socket ended on its own meanwhile.
        }
    }

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
