using System.Net.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Aws.ManagementApi;
using RealtimeCalendar.Aws.Signing;
using RealtimeCalendar.Core.Realtime;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.Local.WebSockets;

namespace RealtimeCalendar.EndToEnd.Tests.Realtime;

/// <summary>The local Management API, called over HTTP by the production client exactly as notify calls it.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class ManagementApiTests(LocalCloudFixture fixture)
{
    [Fact]
    public async Task A_connection_id_holding_a_slash_and_a_plus_reaches_its_socket()
    {
        // Connection ids are base64, so about one in five holds a '/'; the client sends it as %2F.
        const string connectionId = "Ab/Cd+Ef0123456=";
        using var wire = new MemoryStream();
        using var socket = WebSocket.CreateFromStream(wire, new WebSocketCreationOptions { IsServer = true });
        using var connection = new LocalConnection(connectionId, socket, DateTimeOffset.UtcNow, "127.0.0.1", "test");
        fixture.Cloud.Connections.Add(connection);
        try
        {
            using var http = new HttpClient();
            var client = new ManagementApiClient(
                http, fixture.Cloud.BaseUrl, SigV4RequestSigner.ForLocalCloud("us-east-1", TimeProvider.System), NullLogger<ManagementApiClient>.Instance);

            Assert.Equal(PostOutcome.Delivered, await client.PostAsync(connectionId, """{"type":"pong"}"""u8.ToArray(), CancellationToken.None));
            Assert.NotNull(await client.GetConnectionAsync(connectionId, CancellationToken.None));
            Assert.True(wire.Length > 0, "The message never reached the socket.");
        }
        finally
        {
            fixture.Cloud.Connections.Remove(connectionId);
        }
    }
}
