// Stands in for Amazon.Lambda.RuntimeSupport's LambdaBootstrap (why our own: src/decisions/0001-own-small-clients.md): the same init → next → response/error loop.
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Lambda.Runtime;

/// <summary>
/// The custom-runtime loop: initializes the function once, then takes one invocation at a time from the Runtime API
/// and reports its response or its error. A failing invocation never ends the loop; a failing initialization does.
/// </summary>
public sealed class LambdaBootstrap(IRuntimeApiClient runtimeApi, TimeProvider timeProvider, ILogger<LambdaBootstrap> logger)
{
    public const int CleanExitCode = 0;
    public const int InitializationFailedExitCode = 1;

    // CancellationTokenSource timers cannot exceed ~49 days; a real deadline is at most 15 minutes away.
    private static readonly TimeSpan LongestDeadline = TimeSpan.FromDays(1);

    /// <returns><see cref="CleanExitCode"/> once <paramref name="cancellationToken"/> fires, or
    /// <see cref="InitializationFailedExitCode"/> after reporting a failed initialization.</returns>
    public async Task<int> RunAsync(Func<CancellationToken, Task<ILambdaFunction>> initialize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        ILambdaFunction function;
        try
        {
            function = await initialize(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CleanExitCode;
        }
        catch (Exception exception)
        {
            var report = RuntimeErrorReport.FromException(exception);
            logger.LogError(exception, "Function initialization failed with {ErrorType}", report.ErrorType);
            await runtimeApi.ReportInitializationErrorAsync(report, cancellationToken);
            return InitializationFailedExitCode;
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var request = await runtimeApi.GetNextInvocationAsync(cancellationToken);
                await InvokeAsync(function, request, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: an invocation cut short here is retried or timed out by Lambda, as after a SIGTERM.
        }
        return CleanExitCode;
    }

    private async Task InvokeAsync(ILambdaFunction function, InvocationRequest request, CancellationToken stopping)
    {
        var invocation = request.Invocation;
        // The X-Ray header travels in the invocation (LambdaInvocation.TraceId) and the log scope, not in the process-wide
        // _X_AMZN_TRACE_ID variable: nothing here reads that variable (no X-Ray SDK, no active tracing), and a variable
        // rewritten per invocation is state shared by everything in the process.
        var fields = new Dictionary<string, object> { ["AwsRequestId"] = invocation.RequestId };
        if (invocation.TraceId is { } traceId)
            fields["TraceId"] = traceId;
        using var scope = logger.BeginScope(fields);

        var remaining = invocation.Deadline - timeProvider.GetUtcNow();
        using var deadline = new CancellationTokenSource(
            remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining > LongestDeadline ? LongestDeadline : remaining,
            timeProvider);
        using var invocationCancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping, deadline.Token);

        byte[] response;
        try
        {
            response = await function.InvokeAsync(request.Payload, invocation, invocationCancellation.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            var report = RuntimeErrorReport.FromException(exception);
            logger.LogError(exception, "Invocation {AwsRequestId} failed with {ErrorType}", invocation.RequestId, report.ErrorType);
            await runtimeApi.ReportInvocationErrorAsync(invocation.RequestId, report, stopping);
            return;
        }

        try
        {
            await runtimeApi.SendResponseAsync(invocation.RequestId, response, stopping);
        }
        catch (HttpRequestException exception) when (exception.StatusCode is { } status)
        {
            // The Runtime API refused the response (413 when over 6 MB) and has already failed the invocation: go on.
            logger.LogError(exception, "Runtime API refused the response of {AwsRequestId} with {StatusCode} ({ResponseBytes} bytes)",
                invocation.RequestId, (int)status, response.Length);
        }
    }
}
