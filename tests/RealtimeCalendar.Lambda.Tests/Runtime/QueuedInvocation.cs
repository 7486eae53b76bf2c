namespace RealtimeCalendar.Lambda.Tests.Runtime;

/// <summary>An event the in-test Runtime API hands out on invocation/next, with the headers Lambda would send.</summary>
public sealed record QueuedInvocation(string RequestId, string Payload, DateTimeOffset Deadline, string? FunctionArn = null, string? TraceId = null);
