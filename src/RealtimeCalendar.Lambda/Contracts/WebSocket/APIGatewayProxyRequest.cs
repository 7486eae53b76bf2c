// Stands in for Amazon.Lambda.APIGatewayEvents (why our own: src/decisions/0001-own-small-clients.md); JSON shape identical to API Gateway's REST/WebSocket payload format 1.0.
using System.Text.Json;

namespace RealtimeCalendar.Lambda.Contracts.WebSocket;

public sealed class APIGatewayProxyRequest
{
    public string? Resource { get; set; }
    public string? Path { get; set; }
    public string? HttpMethod { get; set; }
    public Dictionary<string, string>? Headers { get; set; }
    public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }
    public Dictionary<string, string>? QueryStringParameters { get; set; }
    public Dictionary<string, List<string>>? MultiValueQueryStringParameters { get; set; }
    public Dictionary<string, string>? PathParameters { get; set; }
    public Dictionary<string, string>? StageVariables { get; set; }
    public ProxyRequestContext? RequestContext { get; set; }
    public string? Body { get; set; }
    public bool IsBase64Encoded { get; set; }

    public sealed class ProxyRequestContext
    {
        public string? RouteKey { get; set; }

        /// <summary>WebSocket only: CONNECT, MESSAGE or DISCONNECT.</summary>
        public string? EventType { get; set; }
        public string? MessageId { get; set; }
        public string? ExtendedRequestId { get; set; }
        public string? RequestTime { get; set; }
        public string? MessageDirection { get; set; }
        public int? DisconnectStatusCode { get; set; }
        public string? DisconnectReason { get; set; }
        public string? Stage { get; set; }

        /// <summary>WebSocket only, epoch milliseconds.</summary>
        public long? ConnectedAt { get; set; }

        /// <summary>Epoch milliseconds.</summary>
        public long RequestTimeEpoch { get; set; }
        public RequestIdentity? Identity { get; set; }
        public string? RequestId { get; set; }
        public string? DomainName { get; set; }
        public string? ConnectionId { get; set; }
        public string? ApiId { get; set; }

        /// <summary>A Lambda authorizer's context: free-form, so kept as raw JSON values.</summary>
        public Dictionary<string, JsonElement>? Authorizer { get; set; }
    }

    public sealed class RequestIdentity
    {
        public string? SourceIp { get; set; }
        public string? UserAgent { get; set; }
    }
}
