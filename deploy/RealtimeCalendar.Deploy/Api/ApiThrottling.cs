using Amazon.CDK.AWS.Apigatewayv2;

namespace RealtimeCalendar.Deploy.Api;

/// <summary>
/// Stage-wide request limits: far above what a few people's tabs send, low enough that a runaway client or a flood
/// cannot run up the Lambda and DynamoDB bill (WAF cannot attach to HTTP or WebSocket APIs).
/// </summary>
public static class ApiThrottling
{
    public static ThrottleSettings Personal { get; } = new() { RateLimit = 25, BurstLimit = 50 };
}
