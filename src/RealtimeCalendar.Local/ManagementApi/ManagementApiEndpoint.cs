using System.Globalization;
using RealtimeCalendar.Lambda.Quotas;

namespace RealtimeCalendar.Local.ManagementApi;

/// <summary>
/// Plays the API Gateway Management API (<c>POST/GET/DELETE /@connections/{id}</c>) over real HTTP, so the
/// production <c>notify</c> code and its SigV4 client run unchanged. Unknown or closed connections answer 410.
/// </summary>
public sealed class ManagementApiEndpoint(WebSockets.LocalConnectionRegistry registry, ManagementApiFaults faults, ILogger<ManagementApiEndpoint> logger)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/@connections/{connectionId}", (HttpContext context, string connectionId) => PostAsync(context, Unescape(connectionId)));
        routes.MapGet("/@connections/{connectionId}", (HttpContext context, string connectionId) => Get(context, Unescape(connectionId)));
        routes.MapDelete("/@connections/{connectionId}", (HttpContext context, string connectionId) => Delete(context, Unescape(connectionId)));
    }

    /// <summary>
    /// Connection ids are base64 and may hold '/', which callers send as %2F. Kestrel decodes every escape in a path
    /// except %2F, so without this an id with a '/' is never found and its live socket is reported gone (410).
    /// </summary>
    private static string Unescape(string connectionId) => connectionId.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private async Task<IResult> PostAsync(HttpContext context, string connectionId)
    {
        connectionId = Unescaped(connectionId);
        if (!IsSigned(context.Request))
            return Forbidden();

        if (faults.IsMarkedGone(connectionId))
        {
            // API Gateway has lost this connection: its socket ends without a $disconnect, as a lost one would.
            registry.Find(connectionId)?.Drop("Lost by the gateway (fault switch)", loseDisconnect: true);
            return Gone(connectionId);
        }

        if (faults.TakePostFailure(connectionId) is { } injected)
        {
            return injected == 410
                ? Gone(connectionId)
                : Results.Json(new Dictionary<string, string> { ["message"] = injected == 429 ? "Too Many Requests" : "Internal server error" }, statusCode: injected);
        }

        var connection = registry.Find(connectionId);
        if (connection is null)
            return Gone(connectionId);

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > ApiGatewayQuotas.WebSocketMessageBytes)
            return Results.Json(new Dictionary<string, string> { ["message"] = "Payload too large" }, statusCode: 413);

        var delivered = await connection.SendAsync(body.ToArray(), context.RequestAborted);
        if (!delivered)
            logger.LogInformation("PostToConnection {ConnectionId}: socket closed", connectionId);
        return delivered ? Results.Ok() : Gone(connectionId);
    }

    private IResult Get(HttpContext context, string connectionId)
    {
        connectionId = Unescaped(connectionId);
        if (!IsSigned(context.Request))
            return Forbidden();
        var connection = registry.Find(connectionId);
        return connection is null
            ? Gone()
            : Results.Json(new Dictionary<string, object?>
            {
                ["connectedAt"] = connection.ConnectedAt.ToString("O", CultureInfo.InvariantCulture),
                ["identity"] = new Dictionary<string, string?> { ["sourceIp"] = connection.SourceIp, ["userAgent"] = connection.UserAgent },
                ["lastActiveAt"] = connection.LastActiveAt.ToString("O", CultureInfo.InvariantCulture),
            });
    }

    private IResult Delete(HttpContext context, string connectionId)
    {
        connectionId = Unescaped(connectionId);
        if (!IsSigned(context.Request))
            return Forbidden();
        var connection = registry.Find(connectionId);
        if (connection is null)
            return Gone();
        connection.Closing.Cancel();
        return Results.NoContent();
    }

    /// <summary>
    /// Connection ids are base64 and may hold '/', which callers send as %2F. Kestrel decodes every escape in a path
    /// except %2F (so it never becomes a separator), leaving it in the route value; without this the id is not found and
    /// a live socket answers 410, and notify deletes its record.
    /// </summary>
    private static string Unescaped(string routeValue) => Uri.UnescapeDataString(routeValue);

    /// <summary>The real API refuses unsigned calls; so does this one, so a missing signature fails locally too.</summary>
    private static bool IsSigned(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal)
        && request.Headers.ContainsKey("x-amz-date");

    /// <summary>A 410 to a post: noted, so a chaos run can check that notify deleted the connection's record.</summary>
    private IResult Gone(string connectionId)
    {
        faults.RecordGone(connectionId);
        return Gone();
    }

    private static IResult Gone() =>
        Results.Json(new Dictionary<string, string> { ["message"] = "GoneException" }, statusCode: 410);

    private static IResult Forbidden() =>
        Results.Json(new Dictionary<string, string> { ["message"] = "Missing Authentication Token" }, statusCode: 403);
}
