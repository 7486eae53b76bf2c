using System.Globalization;

namespace RealtimeCalendar.Local.ManagementApi;

/// <summary>
/// Plays the API Gateway Management API (<c>POST/GET/DELETE /@connections/{id}</c>) over real HTTP, so the
/// production <c>notify</c> code and its SigV4 client run unchanged. Unknown or closed connections answer 410.
/// </summary>
public sealed class ManagementApiEndpoint(WebSockets.LocalConnectionRegistry registry, ManagementApiFaults faults, ILogger<ManagementApiEndpoint> logger)
{
    /// <summary>API Gateway's limit on one PostToConnection payload.</summary>
    public const int MaxPayloadBytes = 128 * 1024;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/@connections/{connectionId}", (HttpContext context, string connectionId) => PostAsync(context, Unescaped(connectionId)));
        routes.MapGet("/@connections/{connectionId}", (HttpContext context, string connectionId) => Get(context, Unescaped(connectionId)));
        routes.MapDelete("/@connections/{connectionId}", (HttpContext context, string connectionId) => Delete(context, Unescaped(connectionId)));
    }

    /// <summary>
    /// Connection ids are base64 and may hold '/', which callers send as %2F; ASP.NET Core leaves %2F escaped in
    /// route values (it would change the path's segments), so without this such sockets were answered 410 and
    /// their records deleted by notify while they were still open.
    /// </summary>
    private static string Unescaped(string connectionId) => Uri.UnescapeDataString(connectionId);

    private async Task<IResult> PostAsync(HttpContext context, string connectionId)
    {
        if (!IsSigned(context.Request))
            return Forbidden();

        if (faults.TakePostFailure(connectionId) is { } injected)
            return Results.Json(new Dictionary<string, string> { ["message"] = injected == 429 ? "Too Many Requests" : "Internal server error" }, statusCode: injected);

        var connection = registry.Find(connectionId);
        if (connection is null)
            return Gone();

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > MaxPayloadBytes)
            return Results.Json(new Dictionary<string, string> { ["message"] = "Payload too large" }, statusCode: 413);

        var delivered = await connection.SendAsync(body.ToArray(), context.RequestAborted);
        if (!delivered)
            logger.LogInformation("PostToConnection {ConnectionId}: socket closed", connectionId);
        return delivered ? Results.Ok() : Gone();
    }

    private IResult Get(HttpContext context, string connectionId)
    {
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
        if (!IsSigned(context.Request))
            return Forbidden();
        var connection = registry.Find(connectionId);
        if (connection is null)
            return Gone();
        connection.Closing.Cancel();
        return Results.NoContent();
    }

    /// <summary>The real API refuses unsigned calls; so does this one, so a missing signature fails locally too.</summary>
    private static bool IsSigned(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal)
        && request.Headers.ContainsKey("x-amz-date");

    private static IResult Gone() =>
        Results.Json(new Dictionary<string, string> { ["message"] = "GoneException" }, statusCode: 410);

    private static IResult Forbidden() =>
        Results.Json(new Dictionary<string, string> { ["message"] = "Missing Authentication Token" }, statusCode: 403);
}
