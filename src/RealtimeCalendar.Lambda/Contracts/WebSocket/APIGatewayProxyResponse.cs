// Stands in for Amazon.Lambda.APIGatewayEvents (why our own: src/decisions/0001-own-small-clients.md); JSON shape identical to API Gateway's REST/WebSocket payload format 1.0.
namespace RealtimeCalendar.Lambda.Contracts.WebSocket;

public sealed class APIGatewayProxyResponse
{
    public int StatusCode { get; set; }
    public Dictionary<string, string>? Headers { get; set; }
    public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }
    public string? Body { get; set; }
    public bool IsBase64Encoded { get; set; }
}
