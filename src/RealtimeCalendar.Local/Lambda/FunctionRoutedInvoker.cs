namespace RealtimeCalendar.Local.Lambda;

/// <summary>
/// Sends each function's invocations to the invoker that runs its binary, as Lambda runs each function's own entry
/// point: in process mode the Google functions run <c>google-bootstrap</c>, every other one <c>bootstrap</c>.
/// </summary>
public sealed class FunctionRoutedInvoker(ILambdaInvoker fallback, IReadOnlyDictionary<string, ILambdaInvoker> byFunction) : ILambdaInvoker
{
    public Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken) =>
        (byFunction.TryGetValue(functionName, out var invoker) ? invoker : fallback).InvokeAsync(functionName, payload, cancellationToken);
}
