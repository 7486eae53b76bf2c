using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Aws.Signing;
using RealtimeCalendar.Aws.Tables;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Functions.Site;
using RealtimeCalendar.Google.Hosting;
using RealtimeCalendar.Local.Client;
using RealtimeCalendar.Local.Cognito;
using RealtimeCalendar.Local.DynamoDbLocal;
using RealtimeCalendar.Local.GoogleSync;
using RealtimeCalendar.Local.HttpApi;
using RealtimeCalendar.Local.Lambda;
using RealtimeCalendar.Local.ManagementApi;
using RealtimeCalendar.Local.NodeTools;
using RealtimeCalendar.Local.Streams;
using RealtimeCalendar.Local.WebSockets;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// The whole product on one machine: DynamoDB Local and cognito-local as supervised children, the tables and
/// user pool, and one port that plays API Gateway (HTTP API, WebSocket API, Management API) and the stream
/// trigger in front of the real functions. The dev host (<c>Program.cs</c>) and the test fixtures start it the same way.
/// </summary>
public sealed class LocalCloud : IAsyncDisposable
{
    /// <summary>API Gateway's integration timeout; a hung handler answers 503 like it would there.</summary>
    private static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(29);

    private readonly List<IAsyncDisposable> parts;
    private readonly string? scratchDirectory;

    private LocalCloud(Uri baseUrl, TableNames tables, FunctionServices services, LocalUserPool userPool, CognitoIdentityProviderClient cognito,
        LocalConnectionRegistry connections, LocalCloudFaults faults, StreamEventSourceMapping streamTrigger, List<IAsyncDisposable> parts,
        string? scratchDirectory)
    {
        BaseUrl = baseUrl;
        Tables = tables;
        Services = services;
        UserPool = userPool;
        Cognito = cognito;
        Connections = connections;
        Faults = faults;
        StreamTrigger = streamTrigger;
        this.parts = parts;
        this.scratchDirectory = scratchDirectory;
    }

    public Uri BaseUrl { get; }

    public Uri WebSocketUrl => new(BaseUrl.ToString().Replace("http://", "ws://", StringComparison.Ordinal) + "ws");

    public TableNames Tables { get; }

    /// <summary>The same services the functions use, for fixtures that look at stored data directly.</summary>
    public FunctionServices Services { get; }

    public LocalUserPool UserPool { get; }

    /// <summary>A client of the local user pool's Cognito API (sign up, sign in), as a browser or test would use it.</summary>
    public CognitoIdentityProviderClient Cognito { get; }

    /// <summary>The sockets the local WebSocket API holds open.</summary>
    public LocalConnectionRegistry Connections { get; }

    /// <summary>Fault switches of the local Management API; all off unless a test or chaos run turns them on.</summary>
    public ManagementApiFaults ManagementApiFaults => Faults.ManagementApi;

    /// <summary>Every fault switch (Management API, socket drops, notify failures, DynamoDB Local restarts); all off unless turned on.</summary>
    public LocalCloudFaults Faults { get; }

    /// <summary>The Events stream's trigger of <c>notify</c>; its counters tell how records were batched.</summary>
    public StreamEventSourceMapping StreamTrigger { get; }

    public static async Task<LocalCloud> StartAsync(LocalCloudOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger<LocalCloud>();
        var port = options.Port == 0 ? FreePort.Find() : options.Port;
        // Fixed neighbours of a fixed port keep README commands (cognito-local at PORT+1) copy-pasteable.
        var cognitoPort = options.Port == 0 ? FreePort.Find() : options.Port + 1;
        var dynamoDbPort = options.Port == 0 ? FreePort.Find() : options.Port + 2;
        var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var parts = new List<IAsyncDisposable>();
        var scratch = options.InMemory ? Path.Combine(Path.GetTempPath(), "rc-local-" + Guid.NewGuid().ToString("N")) : null;
        var stateDirectory = scratch ?? options.DataDirectory;

        try
        {
            // The two installs are independent; doing them side by side halves a first run.
            var dynamoDbInstall = new DynamoDbLocalInstaller(options.ToolCache, loggerFactory.CreateLogger<DynamoDbLocalInstaller>())
                .EnsureInstalledAsync(cancellationToken);
            var nodeTools = new NodeToolsInstaller(options.ToolCache, loggerFactory.CreateLogger<NodeToolsInstaller>());
            var clientDirectory = options.ServeClient ? ClientBuild.FindClientDirectory() : null;
            var clientBuild = clientDirectory is null ? null : new ClientBuild(clientDirectory, loggerFactory.CreateLogger<ClientBuild>());
            await Task.WhenAll(dynamoDbInstall, nodeTools.EnsureInstalledAsync(cancellationToken), clientBuild?.EnsureBuiltAsync(cancellationToken) ?? Task.CompletedTask);
            if (options.ServeClient && clientBuild is null)
                logger.LogWarning("No client/ folder found next to RealtimeCalendar.sln; serving the APIs only");

            var dynamoDbLocalStart = DynamoDbLocalProcess.StartAsync(
                await dynamoDbInstall, options.InMemory ? null : Path.Combine(options.DataDirectory, "dynamodb"), dynamoDbPort, logger, cancellationToken);
            var cognitoLocalStart = CognitoLocalProcess.StartAsync(
                nodeTools.CognitoLocalEntryPoint, Path.Combine(stateDirectory, "cognito"), cognitoPort, logger, cancellationToken);
            var dynamoDbLocal = await dynamoDbLocalStart;
            parts.Add(dynamoDbLocal);
            var cognitoLocal = await cognitoLocalStart;
            parts.Add(cognitoLocal);

            var cognitoHttp = new HttpClient();
            var cognito = new CognitoIdentityProviderClient(cognitoHttp, cognitoLocal.Endpoint);
            var userPool = await LocalUserPool.EnsureAsync(cognito, Path.Combine(stateDirectory, "cognito", "user-pool.json"), cancellationToken);

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
                CognitoIssuer = userPool.Issuer(cognitoLocal.Endpoint),
                CognitoClientIds = [userPool.ClientId],
                MaxEventsPerUser = options.MaxEventsPerUser,
                RequestsPerUserPerMinute = options.RequestsPerUserPerMinute,
                ChatQuestionsPerUserPerDay = options.ChatQuestionsPerUserPerDay,
                OpenAiBaseUrl = options.OpenAiBaseUrl ?? (Environment.GetEnvironmentVariable("OPENAI_BASE_URL") is { Length: > 0 } openAiBase ? new Uri(openAiBase) : null),
                OpenAiModel = options.OpenAiModel ?? (Environment.GetEnvironmentVariable("OPENAI_MODEL") is { Length: > 0 } model ? model : "gpt-4o-mini"),
                Google = LocalGoogleSync.Resolve(options.Google, baseUrl, stateDirectory),
            };
            if (options.OpenAiAttemptTimeout is { } attemptTimeout)
                settings = settings with { OpenAiAttemptTimeout = attemptTimeout };
            if (options.ConnectionHandshakeGrace is { } handshakeGrace)
                settings = settings with { ConnectionHandshakeGrace = handshakeGrace };
            var services = new FunctionServices(
                settings, loggerFactory, TimeProvider.System, chatApiKey: options.ChatApiKey, googleAdapters: GoogleApiAdapterFactory.Create(loggerFactory, TimeProvider.System));
            parts.Add(new DisposeAction(() => { services.Dispose(); cognitoHttp.Dispose(); }));
            await CreateTablesAsync(services.DynamoDb, tables, cancellationToken);

            ILambdaInvoker functions;
            if (options.Lambda == LambdaMode.Process)
            {
                var publisher = new BootstrapPublisher(options.ToolCache, loggerFactory.CreateLogger<BootstrapPublisher>());
                var bootstrap = options.BootstrapPath ?? await publisher.PublishAsync(cancellationToken);
                var processes = new ProcessLambdaInvoker(bootstrap, settings, processesPerFunction: 2, FunctionTimeout, loggerFactory);
                parts.Add(processes);
                functions = processes;
                if (settings.Google is not null)
                {
                    // As in the image: the Google functions run their own JIT entry point.
                    var googleBootstrap = options.GoogleBootstrapPath ?? await publisher.PublishGoogleAsync(cancellationToken);
                    var googleProcesses = new ProcessLambdaInvoker(googleBootstrap, settings, processesPerFunction: 1, FunctionTimeout, loggerFactory);
                    parts.Add(googleProcesses);
                    functions = new FunctionRoutedInvoker(processes, new Dictionary<string, ILambdaInvoker>(StringComparer.Ordinal)
                    {
                        [FunctionNames.GoogleSync] = googleProcesses,
                        [FunctionNames.GooglePush] = googleProcesses,
                    });
                }
            }
            else
            {
                functions = new InProcessLambdaInvoker(services, FunctionTimeout);
            }

            // Every invocation passes the gate, so a DynamoDB Local restart can hold them instead of failing them.
            var lambda = new InvocationGate(functions);
            var faultOptions = options.Faults;
            var connections = new LocalConnectionRegistry();
            var managementApiFaults = new ManagementApiFaults(faultOptions.Seed)
            {
                ThrottleShare = faultOptions.PostThrottleShare,
                ServerErrorShare = faultOptions.PostServerErrorShare,
            };
            var socketFaults = new SocketDropFaults(connections, faultOptions.Seed + 1, TimeProvider.System, loggerFactory.CreateLogger<SocketDropFaults>())
            {
                DropShare = faultOptions.SocketDropShare,
                Interval = faultOptions.SocketDropInterval,
                LostDisconnectShare = faultOptions.LostDisconnectShare,
            };
            parts.Add(socketFaults);
            var notifyFaults = new StreamFunctionFaults(lambda, faultOptions.Seed + 2) { FailureShare = faultOptions.NotifyFailureShare };
            var faults = new LocalCloudFaults(managementApiFaults, socketFaults, notifyFaults, dynamoDbLocal, lambda, logger);
            var config = new ClientConfig(
                ApiBaseUrl: string.Empty,
                WebSocketUrl: baseUrl.ToString().Replace("http://", "ws://", StringComparison.Ordinal) + "ws",
                Cognito: new ClientCognitoConfig(cognitoLocal.Endpoint.ToString(), settings.Region, userPool.UserPoolId, userPool.ClientId),
                ChatEnabled: true);
            var app = BuildApp(port, lambda, connections, managementApiFaults, services, config, clientBuild?.DistDirectory, loggerFactory);
            await app.StartAsync(cancellationToken);
            parts.Add(app);

            var streams = new DynamoDbStreamsClient(new HttpClient(), dynamoDbLocal.Endpoint, SigV4RequestSigner.ForLocalCloud(settings.Region, TimeProvider.System));
            // Both readers of the Events stream (notify, and google-push when configured) follow its current ARN.
            async Task<string> EventsStreamArnAsync(CancellationToken ct) =>
                (await services.DynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tables.Events }, ct)).Table.LatestStreamArn;
            var trigger = new StreamEventSourceMapping(
                streams,
                EventsStreamArnAsync,
                notifyFaults,
                new StreamEventSourceMappingOptions { FunctionName = FunctionNames.Notify },
                loggerFactory.CreateLogger<StreamEventSourceMapping>());
            trigger.Start();
            parts.Add(trigger);
            await trigger.Listening.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            if (faultOptions.DynamoDbRestartInterval is { } restartInterval)
            {
                if (!faults.CanRestartDynamoDb)
                    throw new ArgumentException("Restarting DynamoDB Local needs persisted data; it cannot be combined with --in-memory.");
                parts.Add(new DynamoDbRestartSchedule(faults.RestartDynamoDbLocalAsync, restartInterval, TimeProvider.System, logger));
            }

            if (faultOptions.AnyOn)
                logger.LogWarning("Fault switches are on: {Faults}", faultOptions);

            if (settings.Google is not null)
            {
                // A second reader of the same stream, as the cloud would have: local writes go to Google.
                var googlePush = new StreamEventSourceMapping(
                    streams,
                    EventsStreamArnAsync,
                    lambda,
                    new StreamEventSourceMappingOptions { FunctionName = FunctionNames.GooglePush },
                    loggerFactory.CreateLogger<StreamEventSourceMapping>());
                googlePush.Start();
                parts.Add(googlePush);
                await googlePush.Listening.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            logger.LogInformation("Local cloud serving {Url}", baseUrl);
            return new LocalCloud(baseUrl, tables, services, userPool, cognito, connections, faults, trigger, parts, scratch);
        }
        catch
        {
            await DisposePartsAsync(parts, scratch);
            throw;
        }
    }

    /// <summary>Signs a user in against the local pool, as the browser does, and returns the tokens.</summary>
    public Task<AuthenticationResult> SignInAsync(string email, string password, CancellationToken cancellationToken) =>
        Cognito.SignInAsync(UserPool.ClientId, email, password, cancellationToken);

    public ValueTask DisposeAsync() => DisposePartsAsync(parts, scratchDirectory);

    private static async ValueTask DisposePartsAsync(List<IAsyncDisposable> parts, string? scratch)
    {
        // Stop in reverse order of start: trigger, web host, services, then the child processes.
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            if (parts[i] is WebApplication app)
                await app.StopAsync(CancellationToken.None);
            await parts[i].DisposeAsync();
        }

        parts.Clear();
        if (scratch is not null && Directory.Exists(scratch))
            Directory.Delete(scratch, recursive: true);
    }

    private static WebApplication BuildApp(
        int port, ILambdaInvoker lambda, LocalConnectionRegistry connections, ManagementApiFaults faults, FunctionServices services, ClientConfig config,
        string? clientDist, ILoggerFactory loggerFactory)
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
        var httpApi = new HttpApiEmulator(
            new RouteTable(HttpRoutes.All), new JwtAuthorizer(services.Tokens), lambda, time, loggerFactory.CreateLogger<HttpApiEmulator>());
        var gateway = new WebSocketGateway(connections, lambda, time, new WebSocketGatewayOptions(), loggerFactory.CreateLogger<WebSocketGateway>());
        var managementApi = new ManagementApiEndpoint(connections, faults, loggerFactory.CreateLogger<ManagementApiEndpoint>());

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
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

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
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", SigV4RequestSigner.LocalAccessKey);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SigV4RequestSigner.LocalAccessKey);
        }
    }
}
