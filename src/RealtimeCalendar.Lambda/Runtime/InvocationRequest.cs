// Stands in for Amazon.Lambda.RuntimeSupport's InvocationRequest (why our own: src/decisions/0001-own-small-clients.md): one event from invocation/next.
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Lambda.Runtime;

/// <summary>The event payload and the Lambda-Runtime-* headers of one invocation.</summary>
public sealed record InvocationRequest(LambdaInvocation Invocation, ReadOnlyMemory<byte> Payload);
