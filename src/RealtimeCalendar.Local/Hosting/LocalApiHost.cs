using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Functions.Site;
using RealtimeCalendar.Lambda.Quotas;
using RealtimeCalendar.Local.Client;
using RealtimeCalendar.Local.HttpApi;
using RealtimeCalendar.Local.Lambda;
using RealtimeCalendar.Local.ManagementApi;
using RealtimeCalendar.Local.WebSockets;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>The local cloud's one port: HTTP API, WebSocket API, Management API, <c>/config.json</c> and the built client.</summary>
internal static class LocalApiHost
{
    public static WebApplication Build(
        int port, ILambdaInvoker lambda, LocalConnectionRegistry connections, ManagementApiFaults faults, FunctionServices services, ClientConfig config,
        string? clientDist, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        SignalFreeLifetime.Use(builder);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = ApiGatewayQuotas.HttpApiPayloadBytes;
        });

        var app = builder.Build();
        var httpApi = new HttpApiEmulator(
            new RouteTable(HttpRoutes.All), new JwtAuthorizer(services.Tokens), lambda, time, loggerFactory.CreateLogger<HttpApiEmulator>());
        var gateway = new WebSocketGateway(connections, lambda, time, new WebSocketGatewayOptions(), loggerFactory.CreateLogger<WebSocketGateway>());
        var managementApi = new ManagementApiEndpoint(connections, faults, loggerFactory.CreateLogger<ManagementApiEndpoint>());

        // A stopping host ends its sockets as API Gateway does on a deploy (1001 Going away, then $disconnect) instead of
        // letting them hold the stop until its timeout.
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            foreach (var connection in connections.Snapshot())
                connection.Drop("Local cloud stopping", loseDisconnect: false);
        });

        app.UseSiteSecurityHeaders(SiteSecurityHeaders.For(config.WebSocketUrl, config.Cognito.Endpoint));
        app.UseWebSockets();
        app.Map("/ws", gateway.HandleAsync);
        managementApi.Map(app);
        app.Map("/api/{**path}", httpApi.HandleAsync);
        app.MapGet("/config.json", () => Results.Json(config, LocalJsonContext.Default.ClientConfig));
        if (clientDist is not null)
        {
            // As CloudFront serves the bucket: the built files, and index.html for the root.
            var files = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(clientDist);
            app.Lifetime.ApplicationStopped.Register(files.Dispose);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        return app;
    }
}
