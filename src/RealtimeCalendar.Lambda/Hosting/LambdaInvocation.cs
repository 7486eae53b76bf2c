namespace RealtimeCalendar.Lambda.Hosting;

/// <summary>What Lambda tells a function about one invocation (the Runtime API's Lambda-Runtime-* headers).</summary>
public sealed record LambdaInvocation(string RequestId, DateTimeOffset Deadline, string? InvokedFunctionArn, string? TraceId);
