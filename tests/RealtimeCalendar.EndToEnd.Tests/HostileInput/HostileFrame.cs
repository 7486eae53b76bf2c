using System.Net.WebSockets;
using System.Text;

namespace RealtimeCalendar.EndToEnd.Tests.HostileInput;

/// <summary>One generated hostile WebSocket message: its bytes, sent as a text or a binary frame.</summary>
internal sealed record HostileFrame(string Defect, byte[] Bytes, WebSocketMessageType Type)
{
    public override string ToString()
    {
        var preview = Encoding.UTF8.GetString(Bytes, 0, Math.Min(Bytes.Length, 120));
        return $"[{Defect}] {Type} frame of {Bytes.Length} bytes: {preview}";
    }
}
