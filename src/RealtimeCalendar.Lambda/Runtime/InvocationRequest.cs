// Stands in for Amazon.Lambda.RuntimeSupport's InvocationRequest (not served here): one event from invocation/next.
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Lambda.Runtime;

/// <summary>The event payload and the Lambda-Runtime-* headers of one invocation.</summary>
public sealed record InvocationRequest(LambdaInvocation Invocation, ReadOnlyMemory<byte> Payload);
