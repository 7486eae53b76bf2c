using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using RealtimeCalendar.Lambda.Quotas;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Local.Lambda;

/// <summary>
/// The Lambda Runtime API (<c>/2018-06-01/runtime/…</c>) for one function, on its own loopback port, as Lambda gives
/// every execution environment: <c>invocation/next</c> long-polls for work, <c>/response</c> and <c>/error</c> finish
/// it, <c>init/error</c> reports a failed start-up.
/// </summary>
public sealed class RuntimeApiEndpoint : IAsyncDisposable
{
    private readonly Channel<PendingInvocation> queue = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, PendingInvocation> inFlight = new(StringComparer.Ordinal);
    private readonly string functionArn;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly TaskCompletionSource<long> firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? app;

    public RuntimeApiEndpoint(string functionName, string region, TimeProvider time, ILogger logger)
    {
        functionArn = $"arn:aws:lambda:{region}:000000000000:function:{functionName}";
        this.time = time;
        this.logger = logger;
    }

    /// <summary>The value of <c>AWS_LAMBDA_RUNTIME_API</c> for the function's processes.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>
    /// Completes with the <see cref="System.Diagnostics.Stopwatch"/> timestamp of the first <c>invocation/next</c>: the
    /// moment a process finished its init phase (the cold-start benchmark's "init").
    /// </summary>
    public Task<long> FirstPoll => firstPoll.Task;

    /// <summary>Set when a process reported <c>init/error</c>; invocations fail with it until a process starts cleanly.</summary>
    public string? InitError { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        SignalFreeLifetime.Use(builder);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        app = builder.Build();
        app.MapGet("/2018-06-01/runtime/invocation/next", (Delegate)NextAsync);
        app.MapPost("/2018-06-01/runtime/invocation/{requestId}/response", (string requestId, HttpRequest request) => CompleteAsync(requestId, request, failed: false));
        app.MapPost("/2018-06-01/runtime/invocation/{requestId}/error", (string requestId, HttpRequest request) => CompleteAsync(requestId, request, failed: true));
        app.MapPost("/2018-06-01/runtime/init/error", (HttpRequest request) => InitErrorAsync(request));
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        Address = new Uri(address).Authority;
    }

    /// <summary>Queues an invocation for whichever process asks next, and waits for its answer.</summary>
    public async Task<byte[]> InvokeAsync(byte[] payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var invocation = new PendingInvocation(Guid.NewGuid().ToString(), payload, time.GetUtcNow() + timeout);
        await queue.Writer.WriteAsync(invocation, cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await invocation.Result.Task.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The function did not answer within {timeout.TotalSeconds:0} s (Task timed out).");
        }
        finally
        {
            inFlight.TryRemove(invocation.RequestId, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (app is not null)
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    private async Task<IResult> NextAsync(HttpContext context)
    {
        firstPoll.TrySetResult(System.Diagnostics.Stopwatch.GetTimestamp());
        PendingInvocation invocation;
        try
        {
            invocation = await queue.Reader.ReadAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            return Results.StatusCode(503);
        }

        InitError = null;
        inFlight[invocation.RequestId] = invocation;
        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = functionArn;
        return Results.Bytes(invocation.Payload, "application/json");
    }

    private async Task<IResult> CompleteAsync(string requestId, HttpRequest request, bool failed)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        if (!inFlight.TryRemove(requestId, out var invocation))
            return Results.Json(new Dictionary<string, string> { ["errorType"] = "InvalidRequestID" }, statusCode: 400);

        if (!failed && body.Length > LambdaQuotas.SynchronousPayloadBytes)
        {
            // As Lambda's Runtime API: the oversized response is refused (413) and the invocation fails with it.
            invocation.Result.TrySetException(new LambdaFunctionException(LambdaQuotas.ResponseSizeTooLarge, LambdaQuotas.ResponseTooLargeMessage(body.Length)));
            return Results.Json(
                new Dictionary<string, string>
                {
                    ["errorMessage"] = $"Exceeded maximum allowed payload size ({LambdaQuotas.SynchronousPayloadBytes} bytes).",
                    ["errorType"] = "RequestEntityTooLarge",
                },
                statusCode: 413);
        }

        if (failed)
        {
            // Lambda's invoke API surfaces a function error as an error payload; callers here treat it as a failed invocation.
            var errorType = request.Headers["Lambda-Runtime-Function-Error-Type"].ToString();
            logger.LogWarning("Function reported an error for {RequestId}: {ErrorType}", requestId, errorType);
            invocation.Result.TrySetException(new LambdaFunctionException(errorType, System.Text.Encoding.UTF8.GetString(body.ToArray())));
        }
        else
        {
            invocation.Result.TrySetResult(body.ToArray());
        }

        return Results.Accepted();
    }

    private async Task<IResult> InitErrorAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        InitError = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        logger.LogError("Function failed to initialize: {Error}", InitError);
        return Results.Accepted();
    }

    private sealed record PendingInvocation(string RequestId, byte[] Payload, DateTimeOffset Deadline)
    {
        public TaskCompletionSource<byte[]> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
