using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RealtimeCalendar.Aws.Tests.Authentication;

/// <summary>
/// A user pool's JWKS endpoint on 127.0.0.1 (real HTTP through Kestrel), at the path cognito-local uses:
/// <c>/&lt;poolId&gt;/.well-known/jwks.json</c>. It counts requests and can fail or hang on demand.
/// </summary>
public sealed class JwksServer : IAsyncDisposable
{
    public const string PoolId = "local_abc";

    private readonly WebApplication app;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim requestArrived = new(0);
    private int requests;

    private JwksServer(WebApplication app) => this.app = app;

    public string Issuer { get; private set; } = "";

    /// <summary>The JSON document served while <see cref="Behaviour"/> is <see cref="JwksBehaviour.Serve"/>.</summary>
    public string Document { get; set; } = """{"keys":[]}""";

    public JwksBehaviour Behaviour { get; set; } = JwksBehaviour.Serve;

    public int RequestCount => Volatile.Read(ref requests);

    public static async Task<JwksServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new JwksServer(builder.Build());
        server.app.MapGet($"/{PoolId}/.well-known/jwks.json", server.ServeAsync);
        await server.app.StartAsync();
        var url = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Issuer = $"{url.TrimEnd('/')}/{PoolId}";
        return server;
    }

    /// <summary>Waits (in real time) until the endpoint has received one more request.</summary>
    public async Task WaitForRequestAsync()
    {
        if (!await requestArrived.WaitAsync(TimeSpan.FromSeconds(10)))
            throw new TimeoutException("The JWKS endpoint received no request.");
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
        requestArrived.Dispose();
    }

    private async Task ServeAsync(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        requestArrived.Release();
        switch (Behaviour)
        {
            case JwksBehaviour.Fail:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            case JwksBehaviour.Hang:
                using (var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, both.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
                return;
            default:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(Document, context.RequestAborted);
                return;
        }
    }
}
