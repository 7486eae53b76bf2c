namespace RealtimeCalendar.Lambda.Quotas;

/// <summary>
/// Lambda's fixed limits that shape what a function may receive and return (AWS Lambda Developer Guide, "Lambda
/// quotas": "Invocation payload (request and response): 6 MB each for request and response (synchronous)"). The local
/// cloud enforces them in both Lambda modes; the product keeps every answer below them (list paging).
/// </summary>
public static class LambdaQuotas
{
    /// <summary>
    /// Largest synchronous request or response payload, in bytes: "6 MB", which Lambda's own error message spells out as
    /// <c>maximum allowed payload size (6291556 bytes)</c>. Applies to the invoke payload (the whole API Gateway event or
    /// proxy response JSON), not to the HTTP body inside it.
    /// </summary>
    public const int SynchronousPayloadBytes = 6_291_556;

    /// <summary>The invoke error Lambda reports when a function's response is larger than <see cref="SynchronousPayloadBytes"/>.</summary>
    public const string ResponseSizeTooLarge = "Function.ResponseSizeTooLarge";

    /// <summary>The invoke error (HTTP 413) Lambda answers when a request payload is larger than <see cref="SynchronousPayloadBytes"/>.</summary>
    public const string RequestTooLarge = "RequestEntityTooLargeException";

    /// <summary>The message Lambda gives with <see cref="ResponseSizeTooLarge"/>.</summary>
    public static string ResponseTooLargeMessage(long bytes) =>
        $"Response payload size ({bytes} bytes) exceeded maximum allowed payload size ({SynchronousPayloadBytes} bytes).";
}
