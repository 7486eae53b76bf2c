using RealtimeCalendar.Lambda.Contracts.HttpApi;

namespace RealtimeCalendar.Functions.Http;

/// <summary>Header lookup on a proxy request; API Gateway lower-cases names, other callers may not.</summary>
public static class RequestHeaders
{
    public static string? Get(APIGatewayHttpApiV2ProxyRequest request, string name)
    {
        if (request.Headers is null)
            return null;
        if (request.Headers.TryGetValue(name, out var value))
            return value;
        foreach (var (key, headerValue) in request.Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return headerValue;
        }

        return null;
    }
}
