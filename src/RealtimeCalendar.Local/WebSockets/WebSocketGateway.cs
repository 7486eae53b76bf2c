using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.WebSocket;
using RealtimeCalendar.Local.Lambda;

namespace RealtimeCalendar.Local.WebSockets;

/// <summary>
/// Plays API Gateway's WebSocket API: a handshake becomes a <c>$connect</c> invocation (a non-2xx answer
/// refuses the socket), each text message is routed by <c>$request.body.action</c>, and the end of the
/// socket becomes <c>$disconnect</c>. Idle and lifetime limits close sockets as AWS does.
/// </summary>
public sealed class WebSocketGateway(
    LocalConnectionRegistry registry,
    ILambdaInvoker lambda,
    TimeProvider time,
    WebSocketGatewayOptions options,
    ILogger<WebSocketGateway> logger)
{
    private const string ApiId = "localws";

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 426;
            await context.Response.WriteAsync("{\"message\":\"Use a WebSocket client, e.g. npx wscat -c ws://host:port/ws\"}");
            return;
        }

        var connectionId = NewConnectionId();
        var connectedAt = time.GetUtcNow();
        var connect = BuildEvent(context, connectionId, WebSocketRoutes.Connect, "CONNECT", connectedAt, body: null);
        var connectResponse = await InvokeAsync(WebSocketRoutes.Connect, connect, context.RequestAborted);
        if (connectResponse is not { StatusCode: >= 200 and < 300 })
        {
            var status = connectResponse?.StatusCode is >= 400 and < 600 ? connectResponse.StatusCode : 500;
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(status switch
            {
                401 or 403 => "{\"message\":\"Unauthorized\"}",
                429 => "{\"message\":\"Too Many Requests\"}",
                _ => "{\"message\":\"Internal server error\"}",
            });
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = new LocalConnection(
            connectionId, socket, connectedAt, context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
        registry.Add(connection);
        var (statusCode, reason) = (1000, "Client closed");
        try
        {
            (statusCode, reason) = await ReceiveLoopAsync(context, connection, socket);
        }
        finally
        {
            registry.Remove(connectionId);
            if (!connection.DisconnectLost)
                await DisconnectAsync(context, connectionId, connectedAt, statusCode, reason);
        }
    }

    private async Task DisconnectAsync(HttpContext context, string connectionId, DateTimeOffset connectedAt, int statusCode, string reason)
    {
        var disconnect = BuildEvent(context, connectionId, WebSocketRoutes.Disconnect, "DISCONNECT", connectedAt, body: null);
        disconnect.RequestContext!.DisconnectStatusCode = statusCode;
        disconnect.RequestContext.DisconnectReason = reason;
        // $disconnect is best effort on AWS too; it must not depend on the client still being there.
        await InvokeAsync(WebSocketRoutes.Disconnect, disconnect, CancellationToken.None);
    }

    private async Task<(int StatusCode, string Reason)> ReceiveLoopAsync(HttpContext context, LocalConnection connection, WebSocket socket)
    {
        // One byte more than a frame may hold: a receive never spans two frames, so a full buffer means a frame too large.
        var buffer = new byte[options.MaxFrameBytes + 1];
        using var message = new MemoryStream();
        var deadline = connection.ConnectedAt + options.MaxLifetime;
        while (socket.State == WebSocketState.Open)
        {
            var now = time.GetUtcNow();
            var wait = Min(connection.LastActiveAt + options.IdleTimeout - now, deadline - now);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, connection.Closing.Token);
            limit.CancelAfter(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);

            WebSocketReceiveResult received;
            try
            {
                received = await socket.ReceiveAsync(buffer, limit.Token);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                var why = connection.DropReason ?? (connection.Closing.IsCancellationRequested ? "Deleted via Management API"
                    : time.GetUtcNow() >= deadline ? "Connection lifetime exceeded" : "Idle timeout");
                await CloseQuietlyAsync(socket, WebSocketCloseStatus.EndpointUnavailable, "Going away");
                return (1001, why);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                return (1006, "Connection lost");
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await CloseQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure, string.Empty);
                return ((int?)received.CloseStatus ?? 1005, received.CloseStatusDescription ?? string.Empty);
            }

            // API Gateway closes with 1009 past its frame or message size ("Quotas for ... a WebSocket API", note **).
            if (received.Count > options.MaxFrameBytes || message.Length + received.Count > options.MaxMessageBytes)
            {
                await CloseQuietlyAsync(socket, WebSocketCloseStatus.MessageTooBig, "Message too big");
                return (1009, "Message too big");
            }

            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
                continue;

            connection.LastActiveAt = time.GetUtcNow();
            var bytes = message.ToArray();
            message.SetLength(0);
            await DispatchAsync(context, connection, bytes, received.MessageType == WebSocketMessageType.Binary);
        }

        return (1006, "Connection lost");
    }

    private async Task DispatchAsync(HttpContext context, LocalConnection connection, byte[] bytes, bool binary)
    {
        var isText = !binary && IsUtf8(bytes);
        var body = isText ? Encoding.UTF8.GetString(bytes) : Convert.ToBase64String(bytes);
        var route = WebSocketRoutes.Find(isText ? SelectRoute(bytes) : WebSocketRoutes.Default);
        var request = BuildEvent(context, connection.ConnectionId, route.RouteKey, "MESSAGE", connection.ConnectedAt, body);
        request.IsBase64Encoded = !isText;

        var response = await InvokeAsync(route.RouteKey, request, context.RequestAborted);
        string? reply = response is null
            ? $"{{\"message\": \"Internal server error\", \"connectionId\":\"{connection.ConnectionId}\", \"requestId\":\"{request.RequestContext!.RequestId}\"}}"
            : route.ReturnsResponse ? response.Body : null;
        if (!string.IsNullOrEmpty(reply))
            await connection.SendAsync(Encoding.UTF8.GetBytes(reply), context.RequestAborted);
    }

    /// <summary>
    /// <c>$request.body.action</c>: the body's top-level <c>action</c> string, else <c>$default</c>. A message never
    /// selects <c>$connect</c> or <c>$disconnect</c> (API Gateway keeps those for the connection's life cycle);
    /// otherwise <c>{"action":"$disconnect"}</c> would unregister a socket that stays open.
    /// </summary>
    private static string SelectRoute(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            using var document = JsonDocument.ParseValue(ref reader);
            var selected = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("action", out var action)
                && action.ValueKind == JsonValueKind.String
                    ? action.GetString()
                    : null;
            return selected is null or WebSocketRoutes.Connect or WebSocketRoutes.Disconnect ? WebSocketRoutes.Default : selected;
        }
        catch (JsonException)
        {
            return WebSocketRoutes.Default;
        }
    }

    private async Task<APIGatewayProxyResponse?> InvokeAsync(string routeKey, APIGatewayProxyRequest request, CancellationToken cancellationToken)
    {
        var function = WebSocketRoutes.Find(routeKey).Function;
        try
        {
            var payload = JsonSerializer.SerializeToUtf8Bytes(request, LambdaContractsJsonContext.Default.APIGatewayProxyRequest);
            var result = await lambda.InvokeAsync(function, payload, cancellationToken);
            return JsonSerializer.Deserialize(result, LambdaContractsJsonContext.Default.APIGatewayProxyResponse);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Function {Function} failed on {RouteKey} for {ConnectionId}", function, routeKey, request.RequestContext?.ConnectionId);
            return null;
        }
    }

    private APIGatewayProxyRequest BuildEvent(HttpContext context, string connectionId, string routeKey, string eventType, DateTimeOffset connectedAt, string? body)
    {
        var now = time.GetUtcNow();
        var isConnect = eventType == "CONNECT";
        var query = context.Request.Query;
        return new APIGatewayProxyRequest
        {
            Headers = isConnect ? context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase) : null,
            MultiValueHeaders = isConnect ? context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? string.Empty).ToList(), StringComparer.OrdinalIgnoreCase) : null,
            QueryStringParameters = isConnect && query.Count > 0 ? query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal) : null,
            MultiValueQueryStringParameters = isConnect && query.Count > 0 ? query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? string.Empty).ToList(), StringComparer.Ordinal) : null,
            RequestContext = new()
            {
                RouteKey = routeKey,
                EventType = eventType,
                MessageId = eventType == "MESSAGE" ? NewConnectionId() : null,
                ExtendedRequestId = context.TraceIdentifier,
                RequestTime = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                MessageDirection = "IN",
                Stage = options.Stage,
                ConnectedAt = connectedAt.ToUnixTimeMilliseconds(),
                RequestTimeEpoch = now.ToUnixTimeMilliseconds(),
                Identity = new() { SourceIp = context.Connection.RemoteIpAddress?.ToString(), UserAgent = context.Request.Headers.UserAgent.ToString() },
                RequestId = Guid.NewGuid().ToString(),
                DomainName = context.Request.Host.Value,
                ConnectionId = connectionId,
                ApiId = ApiId,
            },
            Body = body,
            IsBase64Encoded = false,
        };
    }

    /// <summary>Connection ids look like API Gateway's: 16 base64 characters, e.g. <c>L0SM9cOFvHcCIhw=</c>.</summary>
    private static string NewConnectionId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(11));

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static async Task CloseQuietlyAsync(WebSocket socket, WebSocketCloseStatus status, string description)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(status, description, timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer is already gone; nothing left to tell it.
        }
    }
}
