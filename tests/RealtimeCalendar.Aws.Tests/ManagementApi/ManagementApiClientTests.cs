using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.Aws.ManagementApi;
using RealtimeCalendar.Aws.Signing;
using RealtimeCalendar.Core.Realtime;

namespace RealtimeCalendar.Aws.Tests.ManagementApi;

public sealed class ManagementApiClientTests : IAsyncLifetime
{
    private const string ConnectionId = "Zx3_abc=";
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private ManagementApiServer server = null!;

    public async Task InitializeAsync() => server = await ManagementApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Post_sends_the_body_to_the_encoded_id_signed_for_execute_api()
    {
        var client = Client(new Uri(server.BaseAddress, "prod"));
        var message = "{\"type\":\"event.changed\",\"eventId\":\"e1\"}"u8.ToArray();

        var outcome = await client.PostAsync(ConnectionId, message, CancellationToken.None);

        Assert.Equal(PostOutcome.Delivered, outcome);
        var request = Assert.Single(server.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/prod/@connections/Zx3_abc%3D", request.RawTarget);
        Assert.Equal(message, request.Body);
        Assert.Equal("20260304T050607Z", request.Headers["X-Amz-Date"]);

        // Recompute the signature as API Gateway does: from the raw path, host and date that arrived.
        var canonical = string.Join('\n',
            "POST",
            "/prod/%40connections/Zx3_abc%253D",
            "",
            $"host:{request.Headers["Host"]}",
            "x-amz-date:20260304T050607Z",
            "",
            "host;x-amz-date",
            Convert.ToHexStringLower(SHA256.HashData(message)));
        var expected = AWS4Signer.ComputeSignature(
            new ImmutableCredentials("local", "local", null), "us-east-1", Now.UtcDateTime, "execute-api", "host;x-amz-date", canonical);
        Assert.Equal(expected.ForAuthorizationHeader, request.Headers["Authorization"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=local/20260304/us-east-1/execute-api/aws4_request, ", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_to_the_local_root_uses_the_connections_path_directly()
    {
        var outcome = await Client(server.BaseAddress).PostAsync("abc", "x"u8.ToArray(), CancellationToken.None);

        Assert.Equal(PostOutcome.Delivered, outcome);
        Assert.Equal("/@connections/abc", Assert.Single(server.Received).RawTarget);
    }

    [Theory]
    [InlineData(200, PostOutcome.Delivered)]
    [InlineData(410, PostOutcome.Gone)]
    [InlineData(429, PostOutcome.Transient)]
    [InlineData(500, PostOutcome.Transient)]
    [InlineData(503, PostOutcome.Transient)]
    [InlineData(400, PostOutcome.Rejected)]
    [InlineData(403, PostOutcome.Rejected)]
    [InlineData(413, PostOutcome.Rejected)]
    public async Task Post_status_maps_to_outcome(int status, PostOutcome expected)
    {
        server.Reply = new ScriptedReply(status, "{\"message\":\"scripted\"}", status >= 400 ? "ScriptedException" : null);

        var outcome = await Client(server.BaseAddress).PostAsync(ConnectionId, "{}"u8.ToArray(), CancellationToken.None);

        Assert.Equal(expected, outcome);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task Post_to_a_refused_connection_is_transient()
    {
        var client = Client(new Uri($"http://127.0.0.1:{ClosedPort()}/prod"));

        var outcome = await client.PostAsync(ConnectionId, "{}"u8.ToArray(), CancellationToken.None);

        Assert.Equal(PostOutcome.Transient, outcome);
    }

    [Fact]
    public async Task Post_that_times_out_is_transient()
    {
        server.Reply = new ScriptedReply(200, Delay: TimeSpan.FromSeconds(30));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        var client = new ManagementApiClient(impatient, server.BaseAddress, Signer(), NullLogger<ManagementApiClient>.Instance);

        var outcome = await client.PostAsync(ConnectionId, "{}"u8.ToArray(), CancellationToken.None);

        Assert.Equal(PostOutcome.Transient, outcome);
    }

    [Fact]
    public async Task Post_cancelled_by_the_caller_throws_instead_of_reporting_an_outcome()
    {
        server.Reply = new ScriptedReply(200, Delay: TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Client(server.BaseAddress).PostAsync(ConnectionId, "{}"u8.ToArray(), cancellation.Token));
    }

    [Fact]
    public async Task Get_parses_the_aws_connection_shape()
    {
        server.Reply = new ScriptedReply(200,
            """{"connectedAt":"2026-03-04T05:00:00.123Z","identity":{"sourceIp":"203.0.113.7","userAgent":"Mozilla/5.0 (X11)"},"lastActiveAt":"2026-03-04T05:06:00Z"}""");

        var connection = await Client(new Uri(server.BaseAddress, "prod")).GetConnectionAsync(ConnectionId, CancellationToken.None);

        Assert.NotNull(connection);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 5, 0, 0, 123, TimeSpan.Zero), connection.ConnectedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 5, 6, 0, TimeSpan.Zero), connection.LastActiveAt);
        Assert.Equal(new ConnectionIdentity("203.0.113.7", "Mozilla/5.0 (X11)"), connection.Identity);
        var request = Assert.Single(server.Received);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/prod/@connections/Zx3_abc%3D", request.RawTarget);
        Assert.Contains("/execute-api/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_of_a_gone_connection_is_null()
    {
        server.Reply = new ScriptedReply(410, "{\"message\":\"GoneException\"}");

        Assert.Null(await Client(server.BaseAddress).GetConnectionAsync(ConnectionId, CancellationToken.None));
    }

    [Fact]
    public async Task Get_refused_throws_with_status_and_error_type()
    {
        server.Reply = new ScriptedReply(403, "{\"message\":\"Forbidden\"}", "ForbiddenException");

        var error = await Assert.ThrowsAsync<ManagementApiException>(
            () => Client(server.BaseAddress).GetConnectionAsync(ConnectionId, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("ForbiddenException", error.ErrorType);
    }

    [Fact]
    public async Task Get_without_identity_is_an_error_not_a_half_filled_record()
    {
        server.Reply = new ScriptedReply(200, """{"connectedAt":"2026-03-04T05:00:00Z","lastActiveAt":"2026-03-04T05:06:00Z"}""");

        await Assert.ThrowsAsync<ManagementApiException>(
            () => Client(server.BaseAddress).GetConnectionAsync(ConnectionId, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_answered_204_is_true()
    {
        server.Reply = new ScriptedReply(204);

        Assert.True(await Client(new Uri(server.BaseAddress, "prod")).DeleteConnectionAsync(ConnectionId, CancellationToken.None));

        var request = Assert.Single(server.Received);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/prod/@connections/Zx3_abc%3D", request.RawTarget);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=local/", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_of_a_gone_connection_is_false()
    {
        server.Reply = new ScriptedReply(410, "{\"message\":\"GoneException\"}");

        Assert.False(await Client(server.BaseAddress).DeleteConnectionAsync(ConnectionId, CancellationToken.None));
    }

    [Fact]
    public void Aws_endpoint_is_the_stage_url_of_the_websocket_api()
    {
        Assert.Equal(
            new Uri("https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod"),
            ManagementApiClient.AwsEndpoint("a1b2c3", "eu-west-1", "prod"));
    }

    private ManagementApiClient Client(Uri endpoint) =>
        new(http, endpoint, Signer(), NullLogger<ManagementApiClient>.Instance);

    private static SigV4RequestSigner Signer() => SigV4RequestSigner.ForLocalCloud("us-east-1", new FakeTimeProvider(Now));

    /// <summary>A port nothing listens on: bound once to get a free number, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
