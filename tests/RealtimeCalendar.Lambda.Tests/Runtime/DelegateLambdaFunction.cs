using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Lambda.Tests.Runtime;

/// <summary>A function whose body each test writes inline.</summary>
public sealed class DelegateLambdaFunction(Func<ReadOnlyMemory<byte>, LambdaInvocation, CancellationToken, Task<byte[]>> handle) : ILambdaFunction
{
    public Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, LambdaInvocation invocation, CancellationToken cancellationToken) =>
        handle(payload, invocation, cancellationToken);
}
