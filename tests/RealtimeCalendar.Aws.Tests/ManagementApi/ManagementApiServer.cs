using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RealtimeCalendar.Aws.Tests.ManagementApi;

/// <summary>
/// A real HTTP server on 127.0.0.1 answering every request with the scripted reply and recording what arrived,
/// raw path included, so the client's wire format is seen as API Gateway would see it.
/// </summary>
public sealed class ManagementApiServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedRequest> received = new();

    private ManagementApiServer(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The reply to every request: status, body, optional delay before answering.</summary>
    public ScriptedReply Reply { get; set; } = new(200);

    public IReadOnlyList<ReceivedRequest> Received => [.. received];

    public static async Task<ManagementApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new ManagementApiServer(builder.Build());
        server.app.Run(server.AnswerAsync);
        await server.app.StartAsync();
        var url = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(url);
        return server;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        received.Enqueue(new ReceivedRequest(
            context.Request.Method,
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray()));

        var reply = Reply;
        if (reply.Delay > TimeSpan.Zero)
            await Task.Delay(reply.Delay, context.RequestAborted);
        context.Response.StatusCode = reply.Status;
        if (reply.ErrorType is not null)
            context.Response.Headers["x-amzn-ErrorType"] = reply.ErrorType;
        if (reply.Json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Json, context.RequestAborted);
        }
    }
}

public sealed record ScriptedReply(int Status, string? Json = null, string? ErrorType = null, TimeSpan Delay = default);

public sealed record ReceivedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, byte[] Body);
