using Amazon;
using Amazon.DynamoDBv2;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Aws.Connections;
using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Aws.GoogleSync;
using RealtimeCalendar.Aws.Identity;
using RealtimeCalendar.Aws.Limits;
using RealtimeCalendar.Aws.ManagementApi;
using RealtimeCalendar.Aws.Parameters;
using RealtimeCalendar.Aws.Push;
using RealtimeCalendar.Aws.Reminders;
using RealtimeCalendar.Aws.Sessions;
using RealtimeCalendar.Aws.Signing;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.Chat;
using RealtimeCalendar.Core.Chat.Tools;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Core.Identity;
using RealtimeCalendar.Core.Limits;
using RealtimeCalendar.Core.Push;
using RealtimeCalendar.Core.Realtime;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Core.Secrets;
using RealtimeCalendar.Functions.GoogleSync;
using RealtimeCalendar.Functions.Http;
using RealtimeCalendar.OpenAI.Chat;
using RealtimeCalendar.WebPush;

namespace RealtimeCalendar.Functions.Bootstrap;

/// <summary>
/// The composition root: builds each adapter and service once, on first use, so a function's cold
/// start pays only for what that function touches.
/// </summary>
public sealed class FunctionServices : IDisposable
{
    private readonly Lazy<AmazonDynamoDBClient> dynamoDb;
    private readonly Lazy<HttpClient> http;
    private readonly Lazy<ReminderPlanner> reminderPlanner;
    private readonly Lazy<DynamoDbEventStore> events;
    private readonly Lazy<DynamoDbReminderStore> reminderStore;
    private readonly Lazy<DynamoDbReminderIndex> reminderIndex;
    private readonly Lazy<ChangeFanOut> fanOut;
    private readonly Lazy<ReminderSweep> reminderSweep;
    private readonly Lazy<ReminderActions> reminderActions;
    private readonly Lazy<ReminderSettingsService> reminderSettings;
    private readonly Lazy<CalendarService> calendar;
    private readonly Lazy<IConnectionStore> connections;
    private readonly Lazy<RealtimeTickets> tickets;
    private readonly Lazy<IAccessTokenValidator> tokens;
    private readonly Lazy<ChangeNotifier> notifier;
    private readonly Lazy<UsageQuota> quota;
    private readonly Lazy<HttpClient> modelHttp;
    private readonly Lazy<CalendarAssistant> assistant;
    private readonly Lazy<IPushSubscriptionStore> pushStore;
    private readonly Lazy<PushSubscriptions> pushSubscriptions;
    private readonly Lazy<HttpClient> pushHttp;
    private readonly Lazy<IOfflineReminderChannel?> offlineReminders;
    private readonly Lazy<WebPushReminderChannel?> webPushReminders;

    private readonly Lazy<AmazonSimpleSystemsManagementClient> ssm;
    private readonly Lock googleGate = new();
    private Task<GoogleSyncComponents>? google;
    private readonly Func<GoogleApiCredentials, GoogleApiAdapters>? googleAdapters;

    /// <param name="chatApiKey">
    /// Where the chat model's key comes from; by default the SSM parameter the settings name (cloud), else the
    /// <c>OPENAI_API_KEY</c> variable (local).
    /// </param>
    /// <param name="googleAdapters">
    /// Builds the Google API adapters; null in the Native AOT bootstrap, which cannot carry them.
    /// </param>
    /// <param name="offlineReminderChannel">
    /// Where a due reminder goes when its owner has no socket open, in place of the Web Push channel the VAPID settings
    /// make; with neither, the sweep logs that the reminder was not delivered offline (it still waits for the next tab).
    /// </param>
    public FunctionServices(
        FunctionSettings settings,
        ILoggerFactory loggerFactory,
        TimeProvider time,
        ISecretSource? chatApiKey = null,
        Func<GoogleApiCredentials, GoogleApiAdapters>? googleAdapters = null,
        IOfflineReminderChannel? offlineReminderChannel = null)
    {
        this.googleAdapters = googleAdapters;
        Settings = settings;
        LoggerFactory = loggerFactory;
        Time = time;
        dynamoDb = new(() => CreateDynamoDbClient(settings));
        http = new(CreateHttpClient);
        reminderPlanner = new(() => new ReminderPlanner(new DynamoDbReminderSettingsStore(dynamoDb.Value, settings.RemindersTable), time));
        events = new(() => new DynamoDbEventStore(dynamoDb.Value, settings.EventsTable, reminderPlanner.Value));
        reminderStore = new(() => new DynamoDbReminderStore(dynamoDb.Value, settings.RemindersTable));
        reminderIndex = new(() => new DynamoDbReminderIndex(dynamoDb.Value, settings.EventsTable));
        calendar = new(() => new CalendarService(
            events.Value,
            time,
            new CalendarOptions { MaxEventsPerUser = settings.MaxEventsPerUser },
            loggerFactory.CreateLogger<CalendarService>()));
        connections = new(() => new DynamoDbConnectionStore(dynamoDb.Value, settings.ConnectionsTable, time));
        tickets = new(() => new RealtimeTickets(new DynamoDbTicketStore(dynamoDb.Value, settings.SessionsTable), time));
        tokens = new(() => CreateTokenValidator(settings, http.Value, time, loggerFactory));
        fanOut = new(() => new ChangeFanOut(
            connections.Value,
            new ManagementApiClient(
                http.Value,
                settings.ManagementApiEndpoint ?? throw new InvalidOperationException("MANAGEMENT_API_ENDPOINT is not set."),
                SigV4RequestSigner.ForDefaultCredentials(settings.Region, time),
                loggerFactory.CreateLogger<ManagementApiClient>()),
            new ChangeFanOutOptions { HandshakeGrace = settings.ConnectionHandshakeGrace },
            time,
            loggerFactory.CreateLogger<ChangeFanOut>()));
        notifier = new(() => new ChangeNotifier(fanOut.Value, loggerFactory.CreateLogger<ChangeNotifier>()));
        reminderActions = new(() => new ReminderActions(reminderStore.Value, fanOut.Value, time, loggerFactory.CreateLogger<ReminderActions>()));
        reminderSettings = new(() => new ReminderSettingsService(
            new DynamoDbReminderSettingsStore(dynamoDb.Value, settings.RemindersTable), events.Value, reminderIndex.Value, time, loggerFactory.CreateLogger<ReminderSettingsService>()));
        quota = new(() => new UsageQuota(new DynamoDbUsageCounter(dynamoDb.Value, settings.SessionsTable), time));
        // Model calls outlive the shared client's 10 s timeout; Polly's per-attempt timeout governs them instead.
        modelHttp = new(() => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan });
        assistant = new(() => new CalendarAssistant(
            new OpenAIChatModel(
                chatApiKey ?? CreateChatApiKeySource(),
                new OpenAIChatOptions { Model = settings.OpenAiModel, Endpoint = settings.OpenAiBaseUrl, AttemptTimeout = settings.OpenAiAttemptTimeout },
                modelHttp.Value,
                time,
                loggerFactory.CreateLogger<OpenAIChatModel>()),
            new CalendarTools(calendar.Value),
            quota.Value,
            settings.Chat,
            time,
            loggerFactory.CreateLogger<CalendarAssistant>()));
        ssm = new(() => CreateSsmClient(settings));
        pushStore = new(() => new DynamoDbPushSubscriptionStore(
            dynamoDb.Value,
            settings.PushSubscriptionsTable ?? throw new InvalidOperationException("PUSH_SUBSCRIPTIONS_TABLE is not set."),
            time));
        pushSubscriptions = new(() => new PushSubscriptions(pushStore.Value, settings.PushSubscriptionsPerUser, time, loggerFactory.CreateLogger<PushSubscriptions>()));
        // Polly's per-attempt timeout governs push requests; this one only bounds a request Polly somehow let through.
        pushHttp = new(() => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) });
        webPushReminders = new(() => settings.WebPush is { } webPush
            ? new WebPushReminderChannel(
                pushStore.Value,
                pushHttp.Value,
                new VapidKeySource(CreateVapidPrivateKeySource(webPush), webPush.PublicKey),
                new WebPushOptions { Subject = webPush.Subject },
                time,
                loggerFactory.CreateLogger<WebPushReminderChannel>())
            : null);
        offlineReminders = new(() => offlineReminderChannel ?? webPushReminders.Value);
        reminderSweep = new(() => new ReminderSweep(
            reminderIndex.Value, reminderStore.Value, connections.Value, fanOut.Value, offlineReminders.Value, new ReminderSweepOptions(), time, loggerFactory.CreateLogger<ReminderSweep>()));
    }

    public FunctionSettings Settings { get; }

    public ILoggerFactory LoggerFactory { get; }

    public TimeProvider Time { get; }

    public IAmazonDynamoDB DynamoDb => dynamoDb.Value;

    public CalendarService Calendar => calendar.Value;

    public IConnectionStore Connections => connections.Value;

    public RealtimeTickets Tickets => tickets.Value;

    public IAccessTokenValidator Tokens => tokens.Value;

    public ChangeNotifier Notifier => notifier.Value;

    /// <summary>The Events table's store; every item it writes carries its next due reminder.</summary>
    public IEventStore Events => events.Value;

    public ReminderSweep ReminderSweep => reminderSweep.Value;

    public ReminderActions ReminderActions => reminderActions.Value;

    public ReminderSettingsService ReminderSettings => reminderSettings.Value;

    /// <summary>The records of fired reminders, for fixtures that look at them directly.</summary>
    public IReminderStore Reminders => reminderStore.Value;

    public CalendarAssistant Assistant => assistant.Value;

    /// <summary>The browsers' Web Push subscriptions (the push-subscriptions routes).</summary>
    public PushSubscriptions PushSubscriptions => pushSubscriptions.Value;

    /// <summary>
    /// Reminders for users with no socket open, as Web Push; null when this deployment has no VAPID key pair
    /// (<see cref="FunctionSettings.WebPush"/>), and then reminders reach open sockets only.
    /// </summary>
    public IOfflineReminderChannel? OfflineReminders => offlineReminders.Value;

    public RequestLimit RequestLimit => new(quota.Value, Settings.RequestsPerMinute);

    /// <summary>WebSocket tickets per user per minute, counted like requests (<see cref="FunctionSettings.TicketsPerUserPerMinute"/>).</summary>
    public RequestLimit TicketLimit => new(quota.Value, Settings.TicketsPerMinute);

    /// <summary>Why Google sync cannot run here (what to configure), or null when it can.</summary>
    public string? GoogleUnavailableReason => Settings.Google switch
    {
        null => $"Set {GoogleSettings.ClientIdVariable}, {GoogleSettings.ClientSecretParameterVariable} (or {GoogleSettings.ClientSecretVariable}) and {GoogleSettings.RedirectUriVariable}; README.md, 'Google Calendar sync', shows how.",
        { RedirectUri: null } => $"Set {GoogleSettings.RedirectUriVariable} to this deployment's /api/google/callback URL, as registered with the Google OAuth client.",
        { ClientSecret: null, ClientSecretParameter: null } => $"Set {GoogleSettings.ClientSecretParameterVariable} or {GoogleSettings.ClientSecretVariable}.",
        _ when googleAdapters is null => "This host has no Google API client: google-sync and google-push run in google-bootstrap (Google.Apis is not Native-AOT compatible).",
        _ => null,
    };

    /// <summary>Google sync's services; only when <see cref="GoogleUnavailableReason"/> is null.</summary>
    public Task<GoogleSyncComponents> GetGoogleSyncAsync(CancellationToken cancellationToken)
    {
        lock (googleGate)
        {
            // Built once; a failed build (SSM unreachable, say) is retried by the next request instead of cached.
            if (google is null || google.IsFaulted || google.IsCanceled)
                google = CreateGoogleSyncAsync();
            return google.WaitAsync(cancellationToken);
        }
    }

    public ConnectionAdmission CreateAdmission() =>
        new(Tokens, Tickets, Connections, Settings.SocketsPerUser, Time, LoggerFactory.CreateLogger<ConnectionAdmission>(),
            new MissedReminders(reminderStore.Value, Time, LoggerFactory.CreateLogger<MissedReminders>()));

    public void Dispose()
    {
        if (dynamoDb.IsValueCreated)
            dynamoDb.Value.Dispose();
        if (http.IsValueCreated)
            http.Value.Dispose();
        if (modelHttp.IsValueCreated)
            modelHttp.Value.Dispose();
        if (ssm.IsValueCreated)
            ssm.Value.Dispose();
        if (webPushReminders.IsValueCreated)
            webPushReminders.Value?.Dispose();
        if (pushHttp.IsValueCreated)
            pushHttp.Value.Dispose();
    }

    private async Task<GoogleSyncComponents> CreateGoogleSyncAsync()
    {
        var google = Settings.Google ?? throw new InvalidOperationException(GoogleUnavailableReason);
        var build = googleAdapters ?? throw new InvalidOperationException(GoogleUnavailableReason);
        var secret = google.ClientSecret
            ?? (await ssm.Value.GetParameterAsync(new GetParameterRequest { Name = google.ClientSecretParameter, WithDecryption = true })).Parameter.Value;
        var adapters = build(new GoogleApiCredentials(google.ClientId, secret, google.AuthorizationEndpoint, google.TokenEndpoint, google.CalendarBaseUri));
        IGoogleTokenStore tokenStore = google.TokenDirectory is { } directory
            ? new EncryptedFileGoogleTokenStore(directory, Path.Combine(directory, "google-token.key"))
            : new SsmGoogleTokenStore(ssm.Value, google.TokenParameterPrefix);
        var sync = new GoogleSyncService(
            events.Value,
            new DynamoDbGoogleSyncStateStore(dynamoDb.Value, Settings.SessionsTable),
            tokenStore,
            adapters.Clients,
            new GoogleSyncOptions { WebhookAddress = google.WebhookUri },
            Time,
            LoggerFactory.CreateLogger<GoogleSyncService>());
        var connect = new GoogleConnectFlow(
            adapters.Authorization,
            new DynamoDbGoogleAuthorizationRequestStore(dynamoDb.Value, Settings.SessionsTable),
            sync,
            Time,
            LoggerFactory.CreateLogger<GoogleConnectFlow>());
        return new GoogleSyncComponents(sync, connect, google.RedirectUri!);
    }

    private static AmazonSimpleSystemsManagementClient CreateSsmClient(FunctionSettings settings) =>
        new(new AmazonSimpleSystemsManagementConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region) });

    private static AmazonDynamoDBClient CreateDynamoDbClient(FunctionSettings settings)
    {
        var config = new AmazonDynamoDBConfig();
        if (settings.DynamoDbEndpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = settings.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }

        return new AmazonDynamoDBClient(config);
    }

    private static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler
        {
            // Lambda environments are reused for hours: refresh pooled connections so DNS changes are seen.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // notify posts to many users' sockets at once (16 per user, users in parallel). At 64, a third of the posts of a
            // 1,000-socket run waited for a pooled connection (p50 27-134 ms) while the post itself took under 1 ms.
            MaxConnectionsPerServer = 256,
        })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };

    // The one SSM client (disposed with the services) serves the chat key as well as Google's parameters.
    private ISecretSource CreateChatApiKeySource() =>
        Settings.OpenAiApiKeyParameter is { } parameter
            ? new SsmSecureStringSource(ssm.Value, parameter, Time)
            : new FixedSecret(Environment.GetEnvironmentVariable(FunctionSettings.OpenAiApiKeyVariable));

    // The cloud names an SSM SecureString (only the sending function is given its name and may read it); the local cloud
    // names a file in its data folder. A function given neither cannot sign, and says so when it would have to.
    private ISecretSource CreateVapidPrivateKeySource(WebPushSettings webPush) =>
        webPush.PrivateKeyParameter is { } parameter ? new SsmSecureStringSource(ssm.Value, parameter, Time)
        : webPush.PrivateKeyFile is { } file ? new SecretFileSource(file)
        : new FixedSecret(null);

    private static CognitoAccessTokenValidator CreateTokenValidator(
        FunctionSettings settings, HttpClient http, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var options = new CognitoTokenValidationOptions
        {
            Issuer = settings.CognitoIssuer ?? throw new InvalidOperationException("COGNITO_ISSUER is not set."),
            AllowedClientIds = settings.CognitoClientIds,
        };
        return new CognitoAccessTokenValidator(
            new CognitoJsonWebKeySet(http, options, time, loggerFactory.CreateLogger<CognitoJsonWebKeySet>()),
            options,
            time,
            loggerFactory.CreateLogger<CognitoAccessTokenValidator>());
    }
}
