using System.Globalization;
using System.Text;
using System.Text.Json;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.HttpApi;
using RealtimeCalendar.Lambda.Quotas;
using RealtimeCalendar.Local.Lambda;

namespace RealtimeCalendar.Local.HttpApi;

/// <summary>
/// Plays API Gateway's HTTP API: matches the route, runs the authorizer, turns the request into the
/// payload format 2.0 JSON API Gateway sends, invokes the function, and writes its proxy response back.
/// </summary>
/// <param name="integrationTimeout">How long API Gateway waits for the function; <see cref="ApiGatewayQuotas.HttpApiIntegrationTimeout"/> unless a test shortens it.</param>
public sealed class HttpApiEmulator(
    RouteTable routes,
    IHttpApiAuthorizer authorizer,
    ILambdaInvoker lambda,
    TimeProvider time,
    ILogger<HttpApiEmulator> logger,
    TimeSpan? integrationTimeout = null)
{
    private readonly TimeSpan integrationTimeout = integrationTimeout ?? ApiGatewayQuotas.HttpApiIntegrationTimeout;

    private const string ApiId = "localapi";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        var match = routes.Match(request.Method, request.Path.Value ?? "/");
        if (match is null)
        {
            await WriteGatewayMessageAsync(context, 404, "Not Found");
            return;
        }

        IReadOnlyDictionary<string, string>? claims = null;
        if (match.Route.RequiresAuthorization)
        {
            var authorization = await authorizer.AuthorizeAsync(request, cancellationToken);
            if (authorization.Forbidden)
            {
                await WriteGatewayMessageAsync(context, 403, "Forbidden");
                return;
            }

            if (!authorization.IsAuthorized)
            {
                context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{authorization.Error}\"";
                await WriteGatewayMessageAsync(context, 401, "Unauthorized");
                return;
            }

            claims = authorization.Claims;
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(request, cancellationToken);
        }
        catch (BadHttpRequestException)
        {
            await WriteGatewayMessageAsync(context, 413, "Request Entity Too Large");
            return;
        }

        var proxyRequest = ToProxyRequest(context, match, claims, body);
        var payload = JsonSerializer.SerializeToUtf8Bytes(proxyRequest, LambdaContractsJsonContext.Default.APIGatewayHttpApiV2ProxyRequest);

        APIGatewayHttpApiV2ProxyResponse? response;
        Task<byte[]>? invocation = null;
        try
        {
            // API Gateway stops waiting at its integration timeout; the function itself runs on to its own timeout.
            invocation = lambda.InvokeAsync(match.Route.Function, payload, cancellationToken);
            var result = await invocation.WaitAsync(integrationTimeout, time, cancellationToken);
            response = JsonSerializer.Deserialize(result, LambdaContractsJsonContext.Default.APIGatewayHttpApiV2ProxyResponse);
        }
        catch (TimeoutException) when (invocation is { IsCompleted: false })
        {
            logger.LogError("Function {Function} did not answer {RouteKey} within the integration timeout {Timeout}", match.Route.Function, match.Route.RouteKey, integrationTimeout);
            await WriteGatewayMessageAsync(context, 503, "Service Unavailable");
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // What API Gateway answers when the invocation fails (function error, its own timeout, a payload over
            // Lambda's 6 MB); the cause is in the function's log ("Troubleshooting issues with HTTP API Lambda integrations").
            logger.LogError(exception, "Function {Function} failed for {RouteKey}", match.Route.Function, match.Route.RouteKey);
            await WriteGatewayMessageAsync(context, 500, "Internal Server Error");
            return;
        }

        await WriteProxyResponseAsync(context, response);
    }

    private APIGatewayHttpApiV2ProxyRequest ToProxyRequest(
        HttpContext context, RouteMatch match, IReadOnlyDictionary<string, string>? claims, byte[] body)
    {
        var request = context.Request;
        var now = time.GetUtcNow();
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
            headers[name.ToLowerInvariant()] = string.Join(',', values.ToArray());

        var query = request.Query.Count == 0
            ? null
            : request.Query.ToDictionary(q => q.Key, q => string.Join(',', q.Value.ToArray()), StringComparer.Ordinal);

        var (bodyText, isBase64) = EncodeBody(body);
        return new APIGatewayHttpApiV2ProxyRequest
        {
            Version = "2.0",
            RouteKey = match.Route.RouteKey,
            RawPath = request.Path.Value,
            RawQueryString = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty,
            Cookies = request.Cookies.Count == 0 ? null : [.. request.Cookies.Select(c => $"{c.Key}={c.Value}")],
            Headers = headers,
            QueryStringParameters = query,
            PathParameters = match.PathParameters.Count == 0 ? null : new Dictionary<string, string>(match.PathParameters),
            RequestContext = new()
            {
                AccountId = "000000000000",
                ApiId = ApiId,
                Authorizer = claims is null ? null : new() { Jwt = new() { Claims = new(claims), Scopes = null } },
                DomainName = request.Host.Value,
                DomainPrefix = request.Host.Host.Split('.')[0],
                Http = new()
                {
                    Method = request.Method,
                    Path = request.Path.Value,
                    Protocol = request.Protocol,
                    SourceIp = context.Connection.RemoteIpAddress?.ToString(),
                    UserAgent = request.Headers.UserAgent.ToString(),
                },
                RequestId = context.TraceIdentifier,
                RouteKey = match.Route.RouteKey,
                Stage = "$default",
                Time = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                TimeEpoch = now.ToUnixTimeMilliseconds(),
            },
            Body = bodyText,
            IsBase64Encoded = isBase64,
        };
    }

    /// <summary>Text bodies travel as text; anything that is not valid UTF-8 travels base64-encoded, as API Gateway does.</summary>
    private static (string? Body, bool IsBase64) EncodeBody(byte[] body)
    {
        if (body.Length == 0)
            return (null, false);
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body), false);
        }
        catch (DecoderFallbackException)
        {
            return (Convert.ToBase64String(body), true);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > ApiGatewayQuotas.HttpApiPayloadBytes)
            throw new BadHttpRequestException("Body too large", 413);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > ApiGatewayQuotas.HttpApiPayloadBytes)
                throw new BadHttpRequestException("Body too large", 413);
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task WriteProxyResponseAsync(HttpContext context, APIGatewayHttpApiV2ProxyResponse? response)
    {
        if (response is null || response.StatusCode is < 100 or > 599)
        {
            await WriteGatewayMessageAsync(context, 500, "Internal Server Error");
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers ?? [])
            context.Response.Headers[name] = value;
        foreach (var cookie in response.Cookies ?? [])
            context.Response.Headers.Append("set-cookie", cookie);

        if (response.Body is { } body)
        {
            var bytes = response.IsBase64Encoded ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body);
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    private static async Task WriteGatewayMessageAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($"{{\"message\":\"{message}\"}}", context.RequestAborted);
    }
}
