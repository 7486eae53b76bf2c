using System.Collections.Concurrent;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Local.Lambda;

/// <summary>
/// Invokes the functions inside this process through the same <see cref="ILambdaFunction"/> seam the
/// Runtime API loop uses: the payload is the exact JSON Lambda would deliver.
/// </summary>
public sealed class InProcessLambdaInvoker(FunctionServices services, TimeSpan timeout) : ILambdaInvoker
{
    private readonly ConcurrentDictionary<string, ILambdaFunction> functions = new(StringComparer.Ordinal);

    public async Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        var function = functions.GetOrAdd(functionName, name => FunctionCatalog.Create(name, services));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var invocation = new LambdaInvocation(
            Guid.NewGuid().ToString(),
            services.Time.GetUtcNow() + timeout,
            $"arn:aws:lambda:{services.Settings.Region}:000000000000:function:{functionName}",
            TraceId: null);
        return await function.InvokeAsync(payload, invocation, deadline.Token);
    }
}
