using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.Lambda.Hosting;
using RealtimeCalendar.Lambda.Runtime;

namespace RealtimeCalendar.Lambda.Tests.Runtime;

/// <summary>
/// The bootstrap loop against a real HTTP Runtime API. One class, so its tests run one at a time: one test sets the
/// credential variables.
/// </summary>
public sealed class LambdaBootstrapTests : IAsyncLifetime
{
    private const string Runtime = "/2018-06-01/runtime";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource stop = new();
    private RuntimeApiServer server = null!;
    private RuntimeApiClient client = null!;

    public async Task InitializeAsync()
    {
        server = await RuntimeApiServer.StartAsync();
        client = new RuntimeApiClient(server.Address);
    }

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        client.Dispose();
        await server.DisposeAsync();
        stop.Dispose();
    }

    [Fact]
    public async Task Successful_invocation_posts_the_handler_bytes_to_the_response_endpoint_of_its_request()
    {
        const string arn = "arn:aws:lambda:eu-west-1:123456789012:function:calendar-api";
        LambdaInvocation? seen = null;
        string? seenPayload = null;
        var run = Run(new DelegateLambdaFunction((payload, invocation, _) =>
        {
            seen = invocation;
            seenPayload = Encoding.UTF8.GetString(payload.Span);
            return Task.FromResult("{\"statusCode\":200}"u8.ToArray());
        }));

        server.Enqueue(new QueuedInvocation("8476a536-e9f4-11e8-9739-2dfe598c3fcd", "{\"ping\":true}", Soon(), arn));
        var call = await server.NextCallAsync();

        Assert.Equal($"{Runtime}/invocation/8476a536-e9f4-11e8-9739-2dfe598c3fcd/response", call.Path);
        Assert.Equal("{\"statusCode\":200}", call.BodyText);
        Assert.Equal("{\"ping\":true}", seenPayload);
        Assert.Equal("8476a536-e9f4-11e8-9739-2dfe598c3fcd", seen!.RequestId);
        Assert.Equal(arn, seen.InvokedFunctionArn);
        Assert.Equal(LambdaBootstrap.CleanExitCode, await StopAsync(run));
    }

    [Fact]
    public async Task Handler_exception_is_reported_to_the_error_endpoint_and_the_loop_takes_the_next_invocation()
    {
        var run = Run(new DelegateLambdaFunction(async (payload, _, _) =>
        {
            await Task.Yield();
            if (Encoding.UTF8.GetString(payload.Span) == "\"fail\"")
                throw new InvalidOperationException("The event could not be stored.");
            return "\"ok\""u8.ToArray();
        }));

        server.Enqueue(new QueuedInvocation("req-1", "\"fail\"", Soon()));
        server.Enqueue(new QueuedInvocation("req-2", "\"pass\"", Soon()));
        var error = await server.NextCallAsync();
        var response = await server.NextCallAsync();

        Assert.Equal($"{Runtime}/invocation/req-1/error", error.Path);
        Assert.Equal("Unhandled", error.FunctionErrorType);
        Assert.Equal("application/json", error.ContentType);
        using var body = JsonDocument.Parse(error.Body);
        Assert.Equal("The event could not be stored.", body.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", body.RootElement.GetProperty("errorType").GetString());
        var frames = body.RootElement.GetProperty("stackTrace").EnumerateArray().Select(frame => frame.GetString()!).ToList();
        Assert.NotEmpty(frames);
        Assert.All(frames, frame => Assert.StartsWith("at ", frame, StringComparison.Ordinal));

        Assert.Equal($"{Runtime}/invocation/req-2/response", response.Path);
        Assert.Equal("\"ok\"", response.BodyText);
        Assert.Equal(LambdaBootstrap.CleanExitCode, await StopAsync(run));
    }

    [Fact]
    public async Task Initialization_failure_is_reported_to_init_error_and_ends_with_a_non_zero_exit_code()
    {
        var bootstrap = new LambdaBootstrap(client, TimeProvider.System, NullLogger<LambdaBootstrap>.Instance);
        Func<CancellationToken, Task<ILambdaFunction>> initialize = async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("EVENTS_TABLE is not set.");
        };

        var exitCode = await bootstrap.RunAsync(initialize, stop.Token).WaitAsync(WaitLimit);
        var call = await server.NextCallAsync();

        Assert.Equal(LambdaBootstrap.InitializationFailedExitCode, exitCode);
        Assert.NotEqual(0, exitCode);
        Assert.Equal($"{Runtime}/init/error", call.Path);
        Assert.Equal("Unhandled", call.FunctionErrorType);
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal("EVENTS_TABLE is not set.", body.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", body.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(0, server.NextRequests);
    }

    [Fact]
    public async Task Deadline_header_becomes_the_invocation_deadline()
    {
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(3).ToUnixTimeMilliseconds() + 7);
        var seen = new TaskCompletionSource<LambdaInvocation>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Run(new DelegateLambdaFunction((_, invocation, _) =>
        {
            seen.SetResult(invocation);
            return Task.FromResult("{}"u8.ToArray());
        }));

        server.Enqueue(new QueuedInvocation("req-deadline", "{}", deadline));
        var invocation = await seen.Task.WaitAsync(WaitLimit);

        Assert.Equal(deadline, invocation.Deadline);
        await server.NextCallAsync();
        await StopAsync(run);
    }

    [Fact]
    public async Task Invocation_token_is_cancelled_exactly_at_the_deadline_and_the_timeout_is_reported()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Run(new DelegateLambdaFunction(async (_, _, cancellationToken) =>
        {
            started.SetResult(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return [];
        }), time);

        server.Enqueue(new QueuedInvocation("req-slow", "{}", time.GetUtcNow().AddSeconds(30)));
        var token = await started.Task.WaitAsync(WaitLimit);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(token.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(token.IsCancellationRequested);

        var call = await server.NextCallAsync();
        Assert.Equal($"{Runtime}/invocation/req-slow/error", call.Path);
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal(nameof(TaskCanceledException), body.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(LambdaBootstrap.CleanExitCode, await StopAsync(run));
    }

    [Fact]
    public async Task Trace_header_reaches_the_function_in_its_invocation_and_the_process_environment_is_left_alone()
    {
        const string trace = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";
        var seen = new List<string?>();
        var environment = new List<string?>();
        var run = Run(new DelegateLambdaFunction((_, invocation, _) =>
        {
            seen.Add(invocation.TraceId);
            environment.Add(Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"));
            return Task.FromResult("{}"u8.ToArray());
        }));

        server.Enqueue(new QueuedInvocation("req-traced", "{}", Soon(), TraceId: trace));
        server.Enqueue(new QueuedInvocation("req-untraced", "{}", Soon()));
        await server.NextCallAsync();
        await server.NextCallAsync();

        Assert.Equal([trace, null], seen);
        Assert.Equal([null, null], environment);
        await StopAsync(run);
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_the_next_invocation_ends_the_loop_cleanly()
    {
        var run = Run(new DelegateLambdaFunction((_, _, _) => Task.FromResult("{}"u8.ToArray())));
        using (var waiting = new CancellationTokenSource(WaitLimit))
        {
            while (server.NextRequests == 0)
                await Task.Delay(10, waiting.Token);
        }

        Assert.Equal(LambdaBootstrap.CleanExitCode, await StopAsync(run));
        Assert.False(server.HasUnreadCalls);
    }

    [Fact]
    public async Task Error_report_never_carries_the_function_credentials_or_inner_exception_details()
    {
        const string secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        var previous = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", secretKey);
        try
        {
            var run = Run(new DelegateLambdaFunction((_, _, _) =>
                throw new InvalidOperationException(
                    $"Signing with {secretKey} failed.",
                    new HttpRequestException("Server=db;Password=hunter2"))));

            server.Enqueue(new QueuedInvocation("req-secret", "{}", Soon()));
            var call = await server.NextCallAsync();

            Assert.Equal($"{Runtime}/invocation/req-secret/error", call.Path);
            Assert.DoesNotContain(secretKey, call.BodyText, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", call.BodyText, StringComparison.Ordinal);
            using var body = JsonDocument.Parse(call.Body);
            Assert.Equal("Signing with *** failed.", body.RootElement.GetProperty("errorMessage").GetString());
            await StopAsync(run);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", previous);
        }
    }

    private static DateTimeOffset Soon() => DateTimeOffset.UtcNow.AddMinutes(5);

    private Task<int> Run(ILambdaFunction function, TimeProvider? time = null) =>
        new LambdaBootstrap(client, time ?? TimeProvider.System, NullLogger<LambdaBootstrap>.Instance)
            .RunAsync(_ => Task.FromResult(function), stop.Token);

    private async Task<int> StopAsync(Task<int> run)
    {
        await stop.CancelAsync();
        return await run.WaitAsync(WaitLimit);
    }
}
