namespace RealtimeCalendar.Lambda.Hosting;

/// <summary>
/// A function as Lambda sees it: JSON in, JSON out. The Runtime API loop, the local cloud's in-process
/// invoker and tests all call functions through this one seam.
/// </summary>
public interface ILambdaFunction
{
    Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, LambdaInvocation invocation, CancellationToken cancellationToken);
}
