using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Aws.Signing;
using RealtimeCalendar.Core.Realtime;
using RealtimeCalendar.Core.Text;

namespace RealtimeCalendar.Aws.ManagementApi;

/// <summary>
/// The API Gateway Management API (<c>POST|GET|DELETE {endpoint}/@connections/{id}</c>) over SigV4-signed HTTP, standing
/// in for AWSSDK.ApiGatewayManagementApi (why our own: src/decisions/0001-own-small-clients.md). It never retries: the fan-out owns retry policy,
/// so every post is one attempt whose outcome says whether another is worth it.
/// </summary>
public sealed class ManagementApiClient : IConnectionPublisher
{
    /// <summary>The name SigV4 signs Management API calls for (IAM action prefix <c>execute-api:</c>).</summary>
    public const string SigningService = "execute-api";

    private const int MaxErrorBodyChars = 512;

    private readonly HttpClient http;
    private readonly string connectionsBase;
    private readonly SigV4RequestSigner signer;
    private readonly ILogger<ManagementApiClient> logger;

    /// <param name="endpoint">The stage URL (<see cref="AwsEndpoint"/>), or the local cloud's root (<c>http://127.0.0.1:PORT</c>).</param>
    public ManagementApiClient(HttpClient http, Uri endpoint, SigV4RequestSigner signer, ILogger<ManagementApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(logger);
        if (!endpoint.IsAbsoluteUri || endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0)
            throw new ArgumentException($"The Management API endpoint must be an absolute URL without query or fragment: {endpoint}", nameof(endpoint));

        this.http = http;
        this.signer = signer;
        this.logger = logger;
        connectionsBase = endpoint.AbsoluteUri.TrimEnd('/') + "/@connections/";
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>A WebSocket API stage's Management API on AWS.</summary>
    public static Uri AwsEndpoint(string apiId, string region, string stage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiId);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        return new Uri($"https://{apiId}.execute-api.{region}.amazonaws.com/{Uri.EscapeDataString(stage)}");
    }

    /// <summary>PostToConnection: 2xx Delivered, 410 Gone, 408/429/5xx or no answer Transient, any other 4xx Rejected.</summary>
    public async Task<PostOutcome> PostAsync(string connectionId, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        var body = MemoryMarshal.TryGetArray(message, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : message.ToArray();

        try
        {
            using var request = await CreateSignedRequestAsync(HttpMethod.Post, connectionId, body, cancellationToken);
            using var response = await http.SendAsync(request, cancellationToken);
            var outcome = Classify(response.StatusCode);
            if (outcome is PostOutcome.Transient or PostOutcome.Rejected)
            {
                logger.LogWarning(
                    "PostToConnection {ConnectionId} answered {StatusCode} {ErrorType}: {Outcome}",
                    connectionId, (int)response.StatusCode, ErrorType(response), outcome);
            }

            return outcome;
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning(exception, "PostToConnection {ConnectionId} got no answer: {Outcome}", connectionId, PostOutcome.Transient);
            return PostOutcome.Transient;
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout, not the caller giving up: the socket may be fine, so another try may work.
            logger.LogWarning(exception, "PostToConnection {ConnectionId} timed out: {Outcome}", connectionId, PostOutcome.Transient);
            return PostOutcome.Transient;
        }
    }

    /// <summary>GetConnection; null when the socket is gone (410).</summary>
    public async Task<GetConnectionResponse?> GetConnectionAsync(string connectionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        using var request = await CreateSignedRequestAsync(HttpMethod.Get, connectionId, [], cancellationToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Gone)
            return null;
        await ThrowUnlessSuccessAsync(response, "GetConnection", cancellationToken);

        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(payload, ManagementApiJsonContext.Default.GetConnectionResponse)
                ?? throw new ManagementApiException("GetConnection answered JSON null.");
        }
        catch (JsonException exception)
        {
            throw new ManagementApiException("GetConnection answered a body that is not a connection.", exception);
        }
    }

    /// <summary>DeleteConnection (closes the socket); false when it was already gone (410).</summary>
    public async Task<bool> DeleteConnectionAsync(string connectionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        using var request = await CreateSignedRequestAsync(HttpMethod.Delete, connectionId, [], cancellationToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Gone)
            return false;
        await ThrowUnlessSuccessAsync(response, "DeleteConnection", cancellationToken);
        return true;
    }

    private static PostOutcome Classify(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => PostOutcome.Delivered,
        410 => PostOutcome.Gone,
        408 or 429 or >= 500 => PostOutcome.Transient,
        _ => PostOutcome.Rejected,
    };

    private static string? ErrorType(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;

    private static async Task ThrowUnlessSuccessAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        body = TextCut.ToLength(body, MaxErrorBodyChars);
        throw new ManagementApiException(response.StatusCode, ErrorType(response), $"{operation} answered {(int)response.StatusCode}: {body}");
    }

    private async Task<HttpRequestMessage> CreateSignedRequestAsync(
        HttpMethod method, string connectionId, byte[] body, CancellationToken cancellationToken)
    {
        // Escaped once for the wire ('=' in an id becomes %3D); the signer canonicalizes exactly that path.
        var request = new HttpRequestMessage(method, new Uri(connectionsBase + Uri.EscapeDataString(connectionId)));
        try
        {
            if (method == HttpMethod.Post)
                request.Content = new ByteArrayContent(body);
            await signer.SignAsync(request, body, SigningService, cancellationToken);
            return request;
        }
        catch
        {
            request.Dispose();
            throw;
        }
    }
}
