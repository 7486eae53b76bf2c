using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RealtimeCalendar.Lambda.Tests.Runtime;

/// <summary>
/// A real HTTP server on 127.0.0.1 playing Lambda's Runtime API 2018-06-01: invocation/next long-polls a queue,
/// and every response, invocation error and init error is recorded for the test to read.
/// </summary>
public sealed class RuntimeApiServer : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    private readonly WebApplication app;
    private readonly Channel<QueuedInvocation> queue = Channel.CreateUnbounded<QueuedInvocation>();
    private readonly Channel<RecordedRuntimeCall> calls = Channel.CreateUnbounded<RecordedRuntimeCall>();
    private int nextRequests;

    private RuntimeApiServer(WebApplication app) => this.app = app;

    /// <summary>The <c>host:port</c> to put where Lambda puts <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; private set; } = "";

    public int NextRequests => Volatile.Read(ref nextRequests);

    public static async Task<RuntimeApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new RuntimeApiServer(builder.Build());
        server.MapRoutes();
        await server.app.StartAsync();
        var url = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Address = new Uri(url).Authority;
        return server;
    }

    public void Enqueue(QueuedInvocation invocation) => Assert.True(queue.Writer.TryWrite(invocation));

    /// <summary>The next POST the runtime made, in arrival order.</summary>
    public async Task<RecordedRuntimeCall> NextCallAsync()
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        return await calls.Reader.ReadAsync(timeout.Token);
    }

    public bool HasUnreadCalls => calls.Reader.TryPeek(out _);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private void MapRoutes()
    {
        const string runtime = "/2018-06-01/runtime";
        app.MapGet($"{runtime}/invocation/next", async context =>
        {
            Interlocked.Increment(ref nextRequests);
            var invocation = await queue.Reader.ReadAsync(context.RequestAborted);
            var headers = context.Response.Headers;
            headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
            headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            if (invocation.FunctionArn is not null)
                headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.FunctionArn;
            if (invocation.TraceId is not null)
                headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(invocation.Payload, context.RequestAborted);
        });
        app.MapPost($"{runtime}/invocation/{{requestId}}/response", RecordAsync);
        app.MapPost($"{runtime}/invocation/{{requestId}}/error", RecordAsync);
        app.MapPost($"{runtime}/init/error", RecordAsync);
    }

    private async Task RecordAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var call = new RecordedRuntimeCall(
            context.Request.Path.Value!,
            context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault(),
            context.Request.ContentType,
            body.ToArray());
        await calls.Writer.WriteAsync(call, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }
}
