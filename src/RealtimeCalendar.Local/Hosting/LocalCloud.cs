using System.Globalization;
using Amazon.DynamoDBv2;
using RealtimeCalendar.Aws.Tables;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Local.DynamoDbLocal;
using RealtimeCalendar.Local.HttpApi;
using RealtimeCalendar.Local.Lambda;
using RealtimeCalendar.Local.ManagementApi;
using RealtimeCalendar.Local.WebSockets;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// The whole product on one machine: DynamoDB Local as a supervised child, the tables, and one port that plays
/// API Gateway (HTTP API, WebSocket API, Management API) in front of the real functions. The dev host
/// (<c>Program.cs</c>) and the end-to-end test fixtures start it the same way.
/// </summary>
public sealed class LocalCloud : IAsyncDisposable
{
    /// <summary>Lambda's default function timeout; a hung handler answers 503 like API Gateway's 29 s limit would.</summary>
    private static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(29);

    private readonly WebApplication app;
    private readonly DynamoDbLocalProcess dynamoDbLocal;
    private readonly FunctionServices services;

    private LocalCloud(WebApplication app, DynamoDbLocalProcess dynamoDbLocal, FunctionServices services, Uri baseUrl, TableNames tables)
    {
        this.app = app;
        this.dynamoDbLocal = dynamoDbLocal;
        this.services = services;
        BaseUrl = baseUrl;
        Tables = tables;
    }

    public Uri BaseUrl { get; }

    public Uri WebSocketUrl => new(BaseUrl.ToString().Replace("http://", "ws://", StringComparison.Ordinal) + "ws");

    public Uri DynamoDbEndpoint => dynamoDbLocal.Endpoint;

    public TableNames Tables { get; }

    /// <summary>The same services the functions use, for fixtures that need to look at stored data directly.</summary>
    public FunctionServices Services => services;

    public static async Task<LocalCloud> StartAsync(LocalCloudOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger<LocalCloud>();
        var port = options.Port == 0 ? FreePort.Find() : options.Port;
        var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

        var emulator = await new DynamoDbLocalInstaller(options.ToolCache, loggerFactory.CreateLogger<DynamoDbLocalInstaller>())
            .EnsureInstalledAsync(cancellationToken);
        var dynamoDbLocal = await DynamoDbLocalProcess.StartAsync(
            emulator, options.InMemory ? null : Path.Combine(options.DataDirectory, "dynamodb"), FreePort.Find(), logger, cancellationToken);
        FunctionServices? services = null;
        try
        {
            // Lambda hands every function its credentials in the environment; locally any key works for the stand-ins.
            UseLocalCredentialsUnlessSet();
            var tables = TableNames.WithPrefix(options.TablePrefix);
            var settings = new FunctionSettings
            {
                EventsTable = tables.Events,
                ConnectionsTable = tables.Connections,
                SessionsTable = tables.Sessions,
                Region = "us-east-1",
                DynamoDbEndpoint = dynamoDbLocal.Endpoint,
                ManagementApiEndpoint = baseUrl,
                MaxEventsPerUser = options.MaxEventsPerUser,
            };
            services = new FunctionServices(settings, loggerFactory, TimeProvider.System);
            await CreateTablesAsync(services.DynamoDb, tables, cancellationToken);

            var app = BuildApp(options, port, services, loggerFactory);
            await app.StartAsync(cancellationToken);
            logger.LogInformation("Local cloud serving {Url}", baseUrl);
            return new LocalCloud(app, dynamoDbLocal, services, baseUrl, tables);
        }
        catch
        {
            services?.Dispose();
            await dynamoDbLocal.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        services.Dispose();
        await dynamoDbLocal.DisposeAsync();
    }

    private static WebApplication BuildApp(LocalCloudOptions options, int port, FunctionServices services, ILoggerFactory loggerFactory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = HttpApiEmulator.MaxBodyBytes;
        });

        var app = builder.Build();
        var time = TimeProvider.System;
        var lambda = new InProcessLambdaInvoker(services, FunctionTimeout);
        var registry = new LocalConnectionRegistry();

        var httpApi = new HttpApiEmulator(
            new RouteTable(HttpRoutes.All),
            new DevelopmentUserAuthorizer(options.DevelopmentUserId),
            lambda,
            time,
            loggerFactory.CreateLogger<HttpApiEmulator>());
        var gateway = new WebSocketGateway(registry, lambda, time, new WebSocketGatewayOptions(), loggerFactory.CreateLogger<WebSocketGateway>());
        var managementApi = new ManagementApiEndpoint(registry, loggerFactory.CreateLogger<ManagementApiEndpoint>());

        app.UseWebSockets();
        app.Map("/ws", gateway.HandleAsync);
        managementApi.Map(app);
        app.Map("/api/{**path}", httpApi.HandleAsync);
        return app;
    }

    private static async Task CreateTablesAsync(IAmazonDynamoDB dynamoDb, TableNames tables, CancellationToken cancellationToken)
    {
        var provisioner = new TableProvisioner(dynamoDb);
        await provisioner.EnsureAsync(CalendarTables.Events, tables.Events, cancellationToken);
        await provisioner.EnsureAsync(CalendarTables.Connections, tables.Connections, cancellationToken);
        await provisioner.EnsureAsync(CalendarTables.Sessions, tables.Sessions, cancellationToken);
    }

    private static void UseLocalCredentialsUnlessSet()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")))
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "local");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "local");
        }
    }
}
