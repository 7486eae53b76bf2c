using System.Globalization;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Aws.Signing;
using RealtimeCalendar.Aws.Tables;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Google.Hosting;
using RealtimeCalendar.Local.Client;
using RealtimeCalendar.Local.Cognito;
using RealtimeCalendar.Local.DynamoDbLocal;
using RealtimeCalendar.Local.GoogleSync;
using RealtimeCalendar.Local.HttpApi;
using RealtimeCalendar.Local.Lambda;
using RealtimeCalendar.Local.ManagementApi;
using RealtimeCalendar.Local.NodeTools;
using RealtimeCalendar.Local.Scheduler;
using RealtimeCalendar.Local.Streams;
using RealtimeCalendar.Local.WebPush;
using RealtimeCalendar.Local.WebSockets;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// The local cloud's start-up as named steps, each timed and logged. Everything a step creates that needs stopping joins
/// <see cref="parts"/> at once, so a failure at any step stops exactly what was started, in reverse order.
/// </summary>
internal sealed class LocalCloudStartup
{
    /// <summary>The functions' own Lambda timeout, inside API Gateway's 30 s integration timeout (past which the client gets 503).</summary>
    private static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(29);

    /// <summary>How long a stream trigger may take to hold an iterator on every shard.</summary>
    private static readonly TimeSpan TriggerListeningTimeout = TimeSpan.FromSeconds(30);

    private readonly LocalCloudOptions options;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly TimeProvider time = TimeProvider.System;
    private readonly List<IAsyncDisposable> parts = [];
    private readonly List<(string Name, TimeSpan Took)> steps = [];
    private readonly int port;
    private readonly int cognitoPort;
    private readonly int dynamoDbPort;
    private readonly Uri baseUrl;
    private readonly string? scratch;

    public LocalCloudStartup(LocalCloudOptions options, ILoggerFactory loggerFactory)
    {
        this.options = options;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<LocalCloud>();
        port = options.Port == 0 ? FreePort.Find() : options.Port;
        // Fixed neighbours of a fixed port keep README commands (cognito-local at PORT+1) copy-pasteable.
        cognitoPort = options.Port == 0 ? FreePort.Find() : options.Port + 1;
        dynamoDbPort = options.Port == 0 ? FreePort.Find() : options.Port + 2;
        baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        scratch = options.InMemory ? Path.Combine(Path.GetTempPath(), "rc-local-" + Guid.NewGuid().ToString("N")) : null;
    }

    /// <summary>Where cognito-local's pool, the Google key and the VAPID key live: the data folder, or a scratch folder with --in-memory.</summary>
    private string StateDirectory => scratch ?? options.DataDirectory;

    public async Task<LocalCloud> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            Step("data folder", ClaimDataFolder);
            Step("ports", CheckPortsAreFree);
            var java = Step("java", DynamoDbLocalProcess.RequireJava);
            var tools = await StepAsync("tools", () => InstallToolsAsync(cancellationToken));
            var (dynamoDbLocal, cognitoLocal) = await StepAsync("stand-ins", () => StartStandInsAsync(java, tools, cancellationToken));
            var (cognito, userPool) = await StepAsync("user pool", () => EnsureUserPoolAsync(cognitoLocal, cancellationToken));
            var webPush = await StepAsync("web push keys", () => LocalWebPush.EnsureAsync(StateDirectory, logger, cancellationToken));
            var settings = FunctionSettingsFor(dynamoDbLocal, cognitoLocal, userPool, webPush);
            var services = StartServices(settings);
            await StepAsync("tables", () => CreateTablesAsync(services, cancellationToken));
            var lambda = await StepAsync("functions", () => StartFunctionsAsync(settings, services, cancellationToken));
            var connections = new LocalConnectionRegistry();
            var faults = StartFaults(connections, lambda, dynamoDbLocal);
            var config = ClientConfigFor(cognitoLocal, settings, userPool);
            await StepAsync("API port", () => StartApiAsync(lambda, connections, faults.ManagementApi, services, config, tools.ClientBuild, cancellationToken));
            var trigger = await StepAsync("stream triggers", () => StartStreamTriggersAsync(settings, services, lambda, faults, dynamoDbLocal, cancellationToken));
            var schedule = Step("schedules", () => StartReminderSchedule(settings, lambda));

            if (options.Faults.AnyOn)
                logger.LogWarning("Fault switches are on: {Faults}", options.Faults);
            logger.LogInformation(
                "Local cloud serving {Url}, started in {Seconds:0.0} s ({Steps})",
                baseUrl,
                time.GetElapsedTime(started).TotalSeconds,
                string.Join(", ", steps.Select(step => $"{step.Name} {step.Took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s")));
            return LocalCloud.Create(baseUrl, TableNames.WithPrefix(options.TablePrefix), services, userPool, cognito, connections, faults, trigger, schedule, parts, scratch);
        }
        catch
        {
            await LocalCloud.DisposePartsAsync(parts, scratch);
            throw;
        }
    }

    /// <summary>
    /// Persisted data belongs to one local cloud at a time: lock the folder. In memory nothing is kept there but the tool
    /// cache, which concurrent runs (test fixtures) share safely, so it need only be writable.
    /// </summary>
    private void ClaimDataFolder()
    {
        if (!options.InMemory)
            parts.Add(DataFolderLock.Acquire(options.DataDirectory));
        DataFolderLock.EnsureWritable(options.ToolCache);
    }

    /// <summary>All three before anything starts, so a taken port costs a second, not a download.</summary>
    private void CheckPortsAreFree()
    {
        PortCheck.EnsureFree(port, "the local cloud's HTTP and WebSocket API");
        PortCheck.EnsureFree(cognitoPort, "cognito-local");
        PortCheck.EnsureFree(dynamoDbPort, "DynamoDB Local");
        if (!ChildProcessLauncher.ChildrenDieWithHost)
            logger.LogWarning("setpriv (util-linux) was not found: if this process is killed (SIGKILL, a crash), DynamoDB Local and cognito-local outlive it");
    }

    private async Task<InstalledTools> InstallToolsAsync(CancellationToken cancellationToken)
    {
        // The installs are independent; doing them side by side halves a first run.
        var dynamoDbInstall = new DynamoDbLocalInstaller(options.ToolCache, loggerFactory.CreateLogger<DynamoDbLocalInstaller>())
            .EnsureInstalledAsync(cancellationToken);
        var nodeTools = new NodeToolsInstaller(options.ToolCache, loggerFactory.CreateLogger<NodeToolsInstaller>());
        var clientDirectory = options.ServeClient ? ClientBuild.FindClientDirectory() : null;
        var clientBuild = clientDirectory is null ? null : new ClientBuild(clientDirectory, loggerFactory.CreateLogger<ClientBuild>());
        await Task.WhenAll(dynamoDbInstall, nodeTools.EnsureInstalledAsync(cancellationToken), clientBuild?.EnsureBuiltAsync(cancellationToken) ?? Task.CompletedTask);
        if (options.ServeClient && clientBuild is null)
            logger.LogWarning("No client/ folder found next to RealtimeCalendar.sln; serving the APIs only");
        return new InstalledTools(await dynamoDbInstall, nodeTools.CognitoLocalEntryPoint, clientBuild);
    }

    /// <summary>DynamoDB Local and cognito-local side by side; whichever started joins the parts even if the other failed.</summary>
    private async Task<(DynamoDbLocalProcess DynamoDbLocal, CognitoLocalProcess CognitoLocal)> StartStandInsAsync(
        string java, InstalledTools tools, CancellationToken cancellationToken)
    {
        var dynamoDbLocal = DynamoDbLocalProcess.StartAsync(
            java, tools.DynamoDbLocalDirectory, options.InMemory ? null : Path.Combine(options.DataDirectory, "dynamodb"), dynamoDbPort, logger, cancellationToken);
        var cognitoLocal = CognitoLocalProcess.StartAsync(
            tools.CognitoLocalEntryPoint, Path.Combine(StateDirectory, "cognito"), cognitoPort, logger, cancellationToken);
        try
        {
            await Task.WhenAll(dynamoDbLocal, cognitoLocal);
        }
        finally
        {
            if (dynamoDbLocal.IsCompletedSuccessfully)
                parts.Add(dynamoDbLocal.Result);
            if (cognitoLocal.IsCompletedSuccessfully)
                parts.Add(cognitoLocal.Result);
        }

        return (await dynamoDbLocal, await cognitoLocal);
    }

    private async Task<(CognitoIdentityProviderClient Cognito, LocalUserPool UserPool)> EnsureUserPoolAsync(
        CognitoLocalProcess cognitoLocal, CancellationToken cancellationToken)
    {
        var http = new HttpClient();
        parts.Add(new DisposeAction(http.Dispose));
        var cognito = new CognitoIdentityProviderClient(http, cognitoLocal.Endpoint);
        var userPool = await LocalUserPool.EnsureAsync(cognito, Path.Combine(StateDirectory, "cognito", "user-pool.json"), cancellationToken);
        return (cognito, userPool);
    }

    private FunctionSettings FunctionSettingsFor(DynamoDbLocalProcess dynamoDbLocal, CognitoLocalProcess cognitoLocal, LocalUserPool userPool, WebPushSettings webPush)
    {
        // Lambda hands every function its credentials in the environment; locally any key works for the stand-ins.
        UseLocalCredentialsUnlessSet();
        var tables = TableNames.WithPrefix(options.TablePrefix);
        var settings = new FunctionSettings
        {
            EventsTable = tables.Events,
            ConnectionsTable = tables.Connections,
            SessionsTable = tables.Sessions,
            PushSubscriptionsTable = tables.PushSubscriptions,
            WebPush = webPush,
            RemindersTable = tables.Reminders,
            Region = "us-east-1",
            DynamoDbEndpoint = dynamoDbLocal.Endpoint,
            ManagementApiEndpoint = baseUrl,
            CognitoIssuer = userPool.Issuer(cognitoLocal.Endpoint),
            CognitoClientIds = [userPool.ClientId],
            Google = LocalGoogleSync.Resolve(options.Google, baseUrl, StateDirectory),
        }.WithChatModelFrom(Environment.GetEnvironmentVariables());
        // Options override; each one left null keeps the functions' own default.
        settings = settings with
        {
            MaxEventsPerUser = options.MaxEventsPerUser ?? settings.MaxEventsPerUser,
            RequestsPerUserPerMinute = options.RequestsPerUserPerMinute ?? settings.RequestsPerUserPerMinute,
            ChatQuestionsPerUserPerDay = options.ChatQuestionsPerUserPerDay ?? settings.ChatQuestionsPerUserPerDay,
            SocketsPerUser = options.SocketsPerUser ?? settings.SocketsPerUser,
            TicketsPerUserPerMinute = options.TicketsPerUserPerMinute ?? settings.TicketsPerUserPerMinute,
            OpenAiBaseUrl = options.OpenAiBaseUrl ?? settings.OpenAiBaseUrl,
            OpenAiModel = options.OpenAiModel ?? settings.OpenAiModel,
        };
        if (options.OpenAiAttemptTimeout is { } attemptTimeout)
            settings = settings with { OpenAiAttemptTimeout = attemptTimeout };
        if (options.ConnectionHandshakeGrace is { } handshakeGrace)
            settings = settings with { ConnectionHandshakeGrace = handshakeGrace };
        return settings;
    }

    private FunctionServices StartServices(FunctionSettings settings)
    {
        var services = new FunctionServices(
            settings, loggerFactory, time, chatApiKey: options.ChatApiKey, googleAdapters: GoogleApiAdapterFactory.Create(loggerFactory, time));
        parts.Add(new DisposeAction(services.Dispose));
        return services;
    }

    private async Task CreateTablesAsync(FunctionServices services, CancellationToken cancellationToken)
    {
        var provisioner = new TableProvisioner(services.DynamoDb);
        foreach (var table in CalendarTables.All)
            await provisioner.EnsureAsync(table, options.TablePrefix + table.LogicalName, cancellationToken);
    }

    /// <summary>
    /// In-process handlers, or (<c>--lambda process</c>) the published bootstrap as child processes, behind Lambda's
    /// synchronous payload limit in both modes. Every invocation passes the returned gate, so a DynamoDB Local restart
    /// can hold them instead of failing them.
    /// </summary>
    private async Task<InvocationGate> StartFunctionsAsync(FunctionSettings settings, FunctionServices services, CancellationToken cancellationToken) =>
        new(new SynchronousPayloadLimit(await StartInvokerAsync(settings, services, cancellationToken), loggerFactory.CreateLogger<SynchronousPayloadLimit>()));

    private async Task<ILambdaInvoker> StartInvokerAsync(FunctionSettings settings, FunctionServices services, CancellationToken cancellationToken)
    {
        if (options.Lambda != LambdaMode.Process)
            return new InProcessLambdaInvoker(services, FunctionTimeout);

        var publisher = new BootstrapPublisher(options.ToolCache, loggerFactory.CreateLogger<BootstrapPublisher>());
        var bootstrap = options.BootstrapPath ?? await publisher.PublishAsync(cancellationToken);
        var sandbox = await LambdaSandbox.ForLocalCloudAsync(bootstrap, settings, options.ChatApiKey, logger, cancellationToken);
        var processes = new ProcessLambdaInvoker(sandbox, settings.Region, processesPerFunction: 2, FunctionTimeout, loggerFactory);
        parts.Add(processes);
        if (settings.Google is null)
            return processes;

        // As in the image: the Google functions run their own JIT entry point.
        var googleBootstrap = options.GoogleBootstrapPath ?? await publisher.PublishGoogleAsync(cancellationToken);
        var googleSandbox = await LambdaSandbox.ForLocalCloudAsync(googleBootstrap, settings, options.ChatApiKey, logger, cancellationToken);
        var googleProcesses = new ProcessLambdaInvoker(googleSandbox, settings.Region, processesPerFunction: 1, FunctionTimeout, loggerFactory);
        parts.Add(googleProcesses);
        return new FunctionRoutedInvoker(processes, new Dictionary<string, ILambdaInvoker>(StringComparer.Ordinal)
        {
            [FunctionNames.GoogleSync] = googleProcesses,
            [FunctionNames.GooglePush] = googleProcesses,
        });
    }

    private LocalCloudFaults StartFaults(LocalConnectionRegistry connections, InvocationGate lambda, DynamoDbLocalProcess dynamoDbLocal)
    {
        var faultOptions = options.Faults;
        var managementApiFaults = new ManagementApiFaults(faultOptions.Seed)
        {
            ThrottleShare = faultOptions.PostThrottleShare,
            ServerErrorShare = faultOptions.PostServerErrorShare,
        };
        var socketFaults = new SocketDropFaults(connections, faultOptions.Seed + 1, time, loggerFactory.CreateLogger<SocketDropFaults>())
        {
            DropShare = faultOptions.SocketDropShare,
            Interval = faultOptions.SocketDropInterval,
            LostDisconnectShare = faultOptions.LostDisconnectShare,
        };
        parts.Add(socketFaults);
        var notifyFaults = new StreamFunctionFaults(lambda, faultOptions.Seed + 2) { FailureShare = faultOptions.NotifyFailureShare };
        return new LocalCloudFaults(managementApiFaults, socketFaults, notifyFaults, dynamoDbLocal, lambda, logger);
    }

    private ClientConfig ClientConfigFor(CognitoLocalProcess cognitoLocal, FunctionSettings settings, LocalUserPool userPool) => new(
        ApiBaseUrl: string.Empty,
        WebSocketUrl: baseUrl.ToString().Replace("http://", "ws://", StringComparison.Ordinal) + "ws",
        Cognito: new ClientCognitoConfig(cognitoLocal.Endpoint.ToString(), settings.Region, userPool.UserPoolId, userPool.ClientId),
        ChatEnabled: true,
        VapidPublicKey: settings.WebPush?.PublicKey);

    private async Task StartApiAsync(
        ILambdaInvoker lambda, LocalConnectionRegistry connections, ManagementApiFaults faults, FunctionServices services, ClientConfig config,
        ClientBuild? clientBuild, CancellationToken cancellationToken)
    {
        var app = LocalApiHost.Build(port, lambda, connections, faults, services, config, clientBuild?.DistDirectory, time, loggerFactory);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Taken since the check (the installs can take minutes on a first run).
            await app.DisposeAsync();
            throw PortCheck.InUse(port, "the local cloud's HTTP and WebSocket API");
        }

        parts.Add(app);
    }

    /// <summary>Lambda's event source mappings on the Events stream: notify, and google-push when Google sync is configured.</summary>
    private async Task<StreamEventSourceMapping> StartStreamTriggersAsync(
        FunctionSettings settings, FunctionServices services, InvocationGate lambda, LocalCloudFaults faults, DynamoDbLocalProcess dynamoDbLocal,
        CancellationToken cancellationToken)
    {
        var http = new HttpClient();
        parts.Add(new DisposeAction(http.Dispose));
        var streams = new DynamoDbStreamsClient(http, dynamoDbLocal.Endpoint, SigV4RequestSigner.ForLocalCloud(settings.Region, time));
        var eventsTable = TableNames.WithPrefix(options.TablePrefix).Events;
        // Both readers of the Events stream follow its current ARN.
        async Task<string> EventsStreamArnAsync(CancellationToken ct) =>
            (await services.DynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = eventsTable }, ct)).Table.LatestStreamArn;

        async Task<StreamEventSourceMapping> StartAsync(string functionName, ILambdaInvoker function)
        {
            var mapping = new StreamEventSourceMapping(
                streams, EventsStreamArnAsync, function, new StreamEventSourceMappingOptions { FunctionName = functionName },
                loggerFactory.CreateLogger<StreamEventSourceMapping>());
            mapping.Start();
            parts.Add(mapping);
            await mapping.Listening.WaitAsync(TriggerListeningTimeout, cancellationToken);
            return mapping;
        }

        var notify = await StartAsync(FunctionNames.Notify, faults.Notify);
        if (options.Faults.DynamoDbRestartInterval is { } restartInterval)
        {
            if (!faults.CanRestartDynamoDb)
                throw new ArgumentException("Restarting DynamoDB Local needs persisted data; it cannot be combined with --in-memory.");
            parts.Add(new DynamoDbRestartSchedule(faults.RestartDynamoDbLocalAsync, restartInterval, time, logger));
        }

        // A second reader of the same stream, as the cloud would have: local writes go to Google.
        if (settings.Google is not null)
            await StartAsync(FunctionNames.GooglePush, lambda);
        return notify;
    }

    /// <summary>The stack's one schedule: the reminder sweep, every minute of the schedule clock, through the same gate as every invocation.</summary>
    private LocalReminderSchedule StartReminderSchedule(FunctionSettings settings, InvocationGate lambda)
    {
        var schedule = new LocalReminderSchedule(
            lambda,
            options.ReminderScheduleClock ?? time,
            $"arn:aws:scheduler:{settings.Region}:000000000000:schedule/default/{options.TablePrefix}reminders",
            loggerFactory.CreateLogger<LocalReminderSchedule>());
        schedule.Start();
        parts.Add(schedule);
        return schedule;
    }

    private void Step(string name, Action step)
    {
        var started = time.GetTimestamp();
        step();
        Record(name, started);
    }

    private T Step<T>(string name, Func<T> step)
    {
        var started = time.GetTimestamp();
        var result = step();
        Record(name, started);
        return result;
    }

    private async Task StepAsync(string name, Func<Task> step)
    {
        var started = time.GetTimestamp();
        await step();
        Record(name, started);
    }

    private async Task<T> StepAsync<T>(string name, Func<Task<T>> step)
    {
        var started = time.GetTimestamp();
        var result = await step();
        Record(name, started);
        return result;
    }

    private void Record(string name, long started)
    {
        var took = time.GetElapsedTime(started);
        steps.Add((name, took));
        logger.LogInformation("Start-up step {Step} took {Seconds:0.00} s", name, took.TotalSeconds);
    }

    private static void UseLocalCredentialsUnlessSet()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")))
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", SigV4RequestSigner.LocalAccessKey);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SigV4RequestSigner.LocalAccessKey);
        }
    }

    private sealed record InstalledTools(string DynamoDbLocalDirectory, string CognitoLocalEntryPoint, ClientBuild? ClientBuild);
}
