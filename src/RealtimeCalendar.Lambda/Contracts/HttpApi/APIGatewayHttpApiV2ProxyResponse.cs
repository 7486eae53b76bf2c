// Stands in for Amazon.Lambda.APIGatewayEvents (why our own: src/decisions/0001-own-small-clients.md); JSON shape identical to API Gateway's payload format 2.0.
namespace RealtimeCalendar.Lambda.Contracts.HttpApi;

public sealed class APIGatewayHttpApiV2ProxyResponse
{
    public int StatusCode { get; set; }
    public Dictionary<string, string>? Headers { get; set; }
    public List<string>? Cookies { get; set; }
    public string? Body { get; set; }
    public bool IsBase64Encoded { get; set; }
}
