using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RealtimeCalendar.Lambda.Contracts.HttpApi;

namespace RealtimeCalendar.Functions.Http;

/// <summary>Shapes API Gateway proxy responses: JSON bodies, problem details, and the headers that go with them.</summary>
public static class HttpResponses
{
    public static APIGatewayHttpApiV2ProxyResponse Json<T>(int status, T body, JsonTypeInfo<T> type, Dictionary<string, string>? headers = null)
    {
        headers ??= [];
        headers["content-type"] = "application/json; charset=utf-8";
        headers["cache-control"] = "no-store";
        return new() { StatusCode = status, Headers = headers, Body = JsonSerializer.Serialize(body, type) };
    }

    public static APIGatewayHttpApiV2ProxyResponse Empty(int status) =>
        new() { StatusCode = status, Headers = new() { ["cache-control"] = "no-store" } };

    public static APIGatewayHttpApiV2ProxyResponse Problem(ProblemDetails problem, Dictionary<string, string>? headers = null)
    {
        headers ??= [];
        headers["content-type"] = "application/problem+json; charset=utf-8";
        headers["cache-control"] = "no-store";
        return new()
        {
            StatusCode = problem.Status,
            Headers = headers,
            Body = JsonSerializer.Serialize(problem, FunctionsJsonContext.Wire.ProblemDetails),
        };
    }

    public static APIGatewayHttpApiV2ProxyResponse Problem(int status, string type, string title, string? detail = null) =>
        Problem(new ProblemDetails(type, title, status, detail));

    /// <summary>A problem with a <c>Retry-After</c> header in whole seconds (RFC 9110 §10.2.3).</summary>
    public static APIGatewayHttpApiV2ProxyResponse Problem(int status, string type, string title, string detail, TimeSpan? retryAfter) =>
        Problem(
            new ProblemDetails(type, title, status, detail),
            retryAfter is { } wait
                ? new() { ["retry-after"] = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : null);

    public static APIGatewayHttpApiV2ProxyResponse TooManyRequests(string detail, TimeSpan retryAfter) =>
        Problem(429, ProblemTypes.TooManyRequests, "Too many requests.", detail, retryAfter);

    public static APIGatewayHttpApiV2ProxyResponse Validation(IEnumerable<ProblemField> errors) =>
        Problem(new ProblemDetails(
            ProblemTypes.Validation,
            "The request is not valid.",
            400,
            "See 'errors' for each rejected field.",
            [.. errors]));
}
