using System.Net.WebSockets;
using System.Text;
using RealtimeCalendar.Lambda.Quotas;

namespace RealtimeCalendar.EndToEnd.Tests.Limits;

/// <summary>API Gateway's 32 KB frames and 128 KB messages: past either the connection is closed with 1009.</summary>
[Collection(LimitsCloudCollection.Name)]
public sealed class WebSocketSizeTests(LimitsCloudFixture fixture)
{
    [Fact]
    public async Task A_message_under_128_KB_in_frames_under_32_KB_is_routed()
    {
        using var socket = await ConnectAsync();

        await SendInFramesAsync(socket, Ping(100 * 1024), 25 * 1024);

        Assert.Contains("pong", await ReceiveTextAsync(socket), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_frame_over_32_KB_closes_the_connection_with_1009()
    {
        using var socket = await ConnectAsync();

        await SendInFramesAsync(socket, Ping(40 * 1024), 40 * 1024);

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await ReceiveCloseAsync(socket));
    }

    [Fact]
    public async Task A_message_over_128_KB_closes_the_connection_with_1009_even_in_small_frames()
    {
        using var socket = await ConnectAsync();

        await SendInFramesAsync(socket, Ping(ApiGatewayQuotas.WebSocketMessageBytes + 1024), 30 * 1024);

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await ReceiveCloseAsync(socket));
    }

    private async Task<ClientWebSocket> ConnectAsync()
    {
        var user = await fixture.CreateUserAsync();
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(fixture.Cloud.WebSocketUrl + "?token=" + Uri.EscapeDataString(user.AccessToken)), CancellationToken.None);
        return socket;
    }

    /// <summary>A ping padded to <paramref name="bytes"/> bytes of JSON.</summary>
    private static byte[] Ping(int bytes)
    {
        const string head = """{"action":"ping","pad":""";
        return Encoding.ASCII.GetBytes(head + "\"" + new string('x', bytes - head.Length - 3) + "\"}");
    }

    private static async Task SendInFramesAsync(ClientWebSocket socket, byte[] message, int frameBytes)
    {
        try
        {
            for (var offset = 0; offset < message.Length; offset += frameBytes)
            {
                var length = Math.Min(frameBytes, message.Length - offset);
                await socket.SendAsync(message.AsMemory(offset, length), WebSocketMessageType.Text, offset + length == message.Length, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // The gateway may close while the rest is still being sent; the close status tells why.
        }
    }

    private static async Task<string> ReceiveTextAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }

    private static async Task<WebSocketCloseStatus?> ReceiveCloseAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
                return result.CloseStatus;
        }
    }
}
