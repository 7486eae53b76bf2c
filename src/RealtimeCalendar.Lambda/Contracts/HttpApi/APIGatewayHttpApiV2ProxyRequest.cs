// Stands in for Amazon.Lambda.APIGatewayEvents (why our own: src/decisions/0001-own-small-clients.md); JSON shape identical to API Gateway's payload format 2.0.
namespace RealtimeCalendar.Lambda.Contracts.HttpApi;

public sealed class APIGatewayHttpApiV2ProxyRequest
{
    public string? Version { get; set; }
    public string? RouteKey { get; set; }
    public string? RawPath { get; set; }
    public string? RawQueryString { get; set; }
    public List<string>? Cookies { get; set; }
    public Dictionary<string, string>? Headers { get; set; }
    public Dictionary<string, string>? QueryStringParameters { get; set; }
    public Dictionary<string, string>? PathParameters { get; set; }
    public Dictionary<string, string>? StageVariables { get; set; }
    public ProxyRequestContext? RequestContext { get; set; }
    public string? Body { get; set; }
    public bool IsBase64Encoded { get; set; }

    public sealed class ProxyRequestContext
    {
        public string? AccountId { get; set; }
        public string? ApiId { get; set; }
        public AuthorizerDescription? Authorizer { get; set; }
        public string? DomainName { get; set; }
        public string? DomainPrefix { get; set; }
        public HttpDescription? Http { get; set; }
        public string? RequestId { get; set; }

        /// <summary>The id API Gateway gave the matched route (AWS sample http-api-v2-request.json carries it).</summary>
        public string? RouteId { get; set; }

        public string? RouteKey { get; set; }
        public string? Stage { get; set; }
        public string? Time { get; set; }
        public long TimeEpoch { get; set; }
    }

    public sealed class AuthorizerDescription
    {
        public JwtDescription? Jwt { get; set; }
    }

    public sealed class JwtDescription
    {
        public Dictionary<string, string>? Claims { get; set; }
        public List<string>? Scopes { get; set; }
    }

    public sealed class HttpDescription
    {
        public string? Method { get; set; }
        public string? Path { get; set; }
        public string? Protocol { get; set; }
        public string? SourceIp { get; set; }
        public string? UserAgent { get; set; }
    }
}
