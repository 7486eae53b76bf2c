using System.Collections;
using System.Globalization;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.Chat;
using RealtimeCalendar.Core.Limits;

namespace RealtimeCalendar.Functions.Bootstrap;

/// <summary>
/// Everything a function reads from its environment. On AWS the CDK stack sets these variables; the
/// local cloud sets the same ones (pointing at its local stand-ins), so no code path exists only locally.
/// </summary>
public sealed record FunctionSettings
{
    public required string EventsTable { get; init; }
    public required string ConnectionsTable { get; init; }
    public required string SessionsTable { get; init; }
    public required string RemindersTable { get; init; }

    /// <summary>
    /// The PushSubscriptions table (<c>PUSH_SUBSCRIPTIONS_TABLE</c>). Every host sets it; it is optional here only so that
    /// a function that never touches push subscriptions starts without it, and the first use without it fails naming it.
    /// </summary>
    public string? PushSubscriptionsTable { get; init; }

    /// <summary>AWS region; Lambda sets <c>AWS_REGION</c>.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Overrides the DynamoDB endpoint (DynamoDB Local); unset on AWS.</summary>
    public Uri? DynamoDbEndpoint { get; init; }

    /// <summary>
    /// The WebSocket API's Management API base (<c>https://{api}.execute-api.{region}.amazonaws.com/{stage}</c>),
    /// which <c>notify</c> posts to; the local cloud points it at itself.
    /// </summary>
    public Uri? ManagementApiEndpoint { get; init; }

    /// <summary>The variable that carries <see cref="ManagementApiEndpoint"/>; the CDK stack sets it from a deploy-time reference.</summary>
    public const string ManagementApiEndpointVariable = "MANAGEMENT_API_ENDPOINT";

    /// <summary>The Cognito user pool's issuer URL that access tokens must carry in <c>iss</c>.</summary>
    public string? CognitoIssuer { get; init; }

    /// <summary>App clients whose access tokens are accepted.</summary>
    public IReadOnlyList<string> CognitoClientIds { get; init; } = [];

    public int MaxEventsPerUser { get; init; } = CalendarOptions.DefaultMaxEventsPerUser;

    /// <summary>How young a connection keeps its record on a 410 (<c>CONNECTION_HANDSHAKE_GRACE_SECONDS</c>; see ChangeFanOutOptions).</summary>
    public TimeSpan ConnectionHandshakeGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests one user may make per minute across the signed-in HTTP routes (429 past it); 0 turns the limit off.</summary>
    public int RequestsPerUserPerMinute { get; init; } = 600;

    /// <summary>
    /// Sockets one user may hold open at once (<c>SOCKETS_PER_USER</c>); <c>$connect</c> refuses the one past it with 429.
    /// Each socket is billed per connection-minute and each push per message, so one stolen token cannot multiply the bill.
    /// </summary>
    public int SocketsPerUser { get; init; } = 20;

    /// <summary>WebSocket tickets one user may have issued per minute (<c>TICKETS_PER_USER_PER_MINUTE</c>; 429 past it); 0 turns the limit off.</summary>
    public int TicketsPerUserPerMinute { get; init; } = 30;

    /// <summary>Browsers one user may subscribe to Web Push (<c>PUSH_SUBSCRIPTIONS_PER_USER</c>; 409 past it).</summary>
    public int PushSubscriptionsPerUser { get; init; } = Core.Push.PushSubscriptionLimits.DefaultPerUser;

    /// <summary>Chat questions one user may ask per UTC day (429 past it); 0 turns the limit off.</summary>
    public int ChatQuestionsPerUserPerDay { get; init; } = 200;

    /// <summary>The chat model's name (<c>OPENAI_MODEL</c>).</summary>
    public string OpenAiModel { get; init; } = "gpt-4o-mini";

    /// <summary>Any server that speaks OpenAI's API (<c>OPENAI_BASE_URL</c>); unset for OpenAI's own.</summary>
    public Uri? OpenAiBaseUrl { get; init; }

    /// <summary>How long one model call may take before it is retried (<c>OPENAI_TIMEOUT_SECONDS</c>).</summary>
    public TimeSpan OpenAiAttemptTimeout { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>
    /// The SSM SecureString parameter holding the OpenAI API key, in the cloud. Unset locally, where the key is read
    /// from <see cref="OpenAiApiKeyVariable"/> instead. The key itself is never a setting, so it cannot be printed with them.
    /// </summary>
    public string? OpenAiApiKeyParameter { get; init; }

    public const string OpenAiApiKeyVariable = "OPENAI_API_KEY";

    /// <summary>The chat's bounds, from these settings.</summary>
    public ChatOptions Chat => new() { DailyQuestions = new QuotaRule("chat", ChatQuestionsPerUserPerDay, TimeSpan.FromDays(1)) };

    public QuotaRule RequestsPerMinute => new("requests", RequestsPerUserPerMinute, TimeSpan.FromMinutes(1));

    public QuotaRule TicketsPerMinute => new("tickets", TicketsPerUserPerMinute, TimeSpan.FromMinutes(1));

    /// <summary>Web Push; null when <c>VAPID_PUBLIC_KEY</c> is unset, and subscribing then answers 503.</summary>
    public WebPushSettings? WebPush { get; init; }

    /// <summary>Google sync; null when <c>GOOGLE_CLIENT_ID</c> is unset, and the google-sync routes then answer 503.</summary>
    public GoogleSettings? Google { get; init; }

    public static FunctionSettings FromEnvironment() => FromVariables(Environment.GetEnvironmentVariables());

    /// <summary>Reads the settings from <paramref name="variables"/>; an unset or empty variable keeps the property's default.</summary>
    public static FunctionSettings FromVariables(IDictionary variables)
    {
        var get = Reader(variables);
        string Require(string name) => get(name) ?? throw new InvalidOperationException($"Environment variable {name} is not set.");

        var defaults = new FunctionSettings
        {
            EventsTable = Require(EventsTableVariable),
            ConnectionsTable = Require(ConnectionsTableVariable),
            SessionsTable = Require(SessionsTableVariable),
            RemindersTable = Require(RemindersTableVariable),
        };
        return defaults.WithChatModelFrom(variables) with
        {
            Region = get(RegionVariable) ?? defaults.Region,
            DynamoDbEndpoint = get(DynamoDbEndpointVariable) is { } endpoint ? new Uri(endpoint) : defaults.DynamoDbEndpoint,
            ManagementApiEndpoint = get(ManagementApiEndpointVariable) is { } management ? new Uri(management) : defaults.ManagementApiEndpoint,
            CognitoIssuer = get(CognitoIssuerVariable) ?? defaults.CognitoIssuer,
            CognitoClientIds = get(CognitoClientIdsVariable) is { } clients
                ? clients.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : defaults.CognitoClientIds,
            MaxEventsPerUser = Int(get(MaxEventsPerUserVariable)) ?? defaults.MaxEventsPerUser,
            ConnectionHandshakeGrace = Seconds(get(ConnectionHandshakeGraceVariable)) ?? defaults.ConnectionHandshakeGrace,
            RequestsPerUserPerMinute = Int(get(RequestsPerUserPerMinuteVariable)) ?? defaults.RequestsPerUserPerMinute,
            ChatQuestionsPerUserPerDay = Int(get(ChatQuestionsPerUserPerDayVariable)) ?? defaults.ChatQuestionsPerUserPerDay,
            SocketsPerUser = Int(get(SocketsPerUserVariable)) ?? defaults.SocketsPerUser,
            TicketsPerUserPerMinute = Int(get(TicketsPerUserPerMinuteVariable)) ?? defaults.TicketsPerUserPerMinute,
            OpenAiApiKeyParameter = get(OpenAiApiKeyParameterVariable) ?? defaults.OpenAiApiKeyParameter,
            PushSubscriptionsTable = get(PushSubscriptionsTableVariable) ?? defaults.PushSubscriptionsTable,
            PushSubscriptionsPerUser = Int(get(PushSubscriptionsPerUserVariable)) ?? defaults.PushSubscriptionsPerUser,
            WebPush = WebPushSettings.FromVariables(get),
            Google = GoogleSettings.FromVariables(get),
        };
    }

    /// <summary>
    /// These settings with the chat model's variables (<c>OPENAI_MODEL</c>, <c>OPENAI_BASE_URL</c>,
    /// <c>OPENAI_TIMEOUT_SECONDS</c>) from <paramref name="variables"/> where set: how the functions read them, and how the
    /// local cloud takes them from the developer's shell.
    /// </summary>
    public FunctionSettings WithChatModelFrom(IDictionary variables)
    {
        var get = Reader(variables);
        return this with
        {
            OpenAiModel = get(OpenAiModelVariable) ?? OpenAiModel,
            OpenAiBaseUrl = get(OpenAiBaseUrlVariable) is { } baseUrl ? new Uri(baseUrl) : OpenAiBaseUrl,
            OpenAiAttemptTimeout = Seconds(get(OpenAiTimeoutSecondsVariable)) ?? OpenAiAttemptTimeout,
        };
    }

    /// <summary>The same settings as environment variables, for a child process that reads them with <see cref="FromEnvironment"/>.</summary>
    public IReadOnlyDictionary<string, string> ToVariables()
    {
        var variables = new Dictionary<string, string>
        {
            [EventsTableVariable] = EventsTable,
            [ConnectionsTableVariable] = ConnectionsTable,
            [SessionsTableVariable] = SessionsTable,
            [RemindersTableVariable] = RemindersTable,
            [RegionVariable] = Region,
            [MaxEventsPerUserVariable] = MaxEventsPerUser.ToString(CultureInfo.InvariantCulture),
            [RequestsPerUserPerMinuteVariable] = RequestsPerUserPerMinute.ToString(CultureInfo.InvariantCulture),
            [ConnectionHandshakeGraceVariable] = ConnectionHandshakeGrace.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            [ChatQuestionsPerUserPerDayVariable] = ChatQuestionsPerUserPerDay.ToString(CultureInfo.InvariantCulture),
            [OpenAiModelVariable] = OpenAiModel,
            [OpenAiTimeoutSecondsVariable] = OpenAiAttemptTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            [SocketsPerUserVariable] = SocketsPerUser.ToString(CultureInfo.InvariantCulture),
            [TicketsPerUserPerMinuteVariable] = TicketsPerUserPerMinute.ToString(CultureInfo.InvariantCulture),
            [PushSubscriptionsPerUserVariable] = PushSubscriptionsPerUser.ToString(CultureInfo.InvariantCulture),
        };
        if (PushSubscriptionsTable is not null)
            variables[PushSubscriptionsTableVariable] = PushSubscriptionsTable;
        if (OpenAiBaseUrl is not null)
            variables[OpenAiBaseUrlVariable] = OpenAiBaseUrl.ToString();
        if (OpenAiApiKeyParameter is not null)
            variables[OpenAiApiKeyParameterVariable] = OpenAiApiKeyParameter;
        if (CognitoIssuer is not null)
            variables[CognitoIssuerVariable] = CognitoIssuer;
        if (CognitoClientIds.Count > 0)
            variables[CognitoClientIdsVariable] = string.Join(',', CognitoClientIds);
        if (ManagementApiEndpoint is not null)
            variables[ManagementApiEndpointVariable] = ManagementApiEndpoint.ToString();
        if (DynamoDbEndpoint is not null)
            variables[DynamoDbEndpointVariable] = DynamoDbEndpoint.ToString();
        WebPush?.AddVariables(variables);
        Google?.AddVariables(variables);
        return variables;
    }

    private static Func<string, string?> Reader(IDictionary variables) =>
        name => variables[name] as string is { Length: > 0 } value ? value : null;

    private static int? Int(string? value) => value is null ? null : int.Parse(value, CultureInfo.InvariantCulture);

    private static TimeSpan? Seconds(string? value) => value is null ? null : TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));

    private const string EventsTableVariable = "EVENTS_TABLE";
    private const string ConnectionsTableVariable = "CONNECTIONS_TABLE";
    private const string SessionsTableVariable = "SESSIONS_TABLE";
    private const string PushSubscriptionsTableVariable = "PUSH_SUBSCRIPTIONS_TABLE";
    private const string PushSubscriptionsPerUserVariable = "PUSH_SUBSCRIPTIONS_PER_USER";
    private const string RemindersTableVariable = "REMINDERS_TABLE";
    private const string RegionVariable = "AWS_REGION";
    private const string DynamoDbEndpointVariable = "DYNAMODB_ENDPOINT";
    private const string CognitoIssuerVariable = "COGNITO_ISSUER";
    private const string CognitoClientIdsVariable = "COGNITO_CLIENT_IDS";
    private const string MaxEventsPerUserVariable = "MAX_EVENTS_PER_USER";
    private const string ConnectionHandshakeGraceVariable = "CONNECTION_HANDSHAKE_GRACE_SECONDS";
    private const string RequestsPerUserPerMinuteVariable = "REQUESTS_PER_USER_PER_MINUTE";
    private const string ChatQuestionsPerUserPerDayVariable = "CHAT_QUESTIONS_PER_USER_PER_DAY";
    private const string SocketsPerUserVariable = "SOCKETS_PER_USER";
    private const string TicketsPerUserPerMinuteVariable = "TICKETS_PER_USER_PER_MINUTE";
    private const string OpenAiModelVariable = "OPENAI_MODEL";
    private const string OpenAiBaseUrlVariable = "OPENAI_BASE_URL";
    private const string OpenAiTimeoutSecondsVariable = "OPENAI_TIMEOUT_SECONDS";
    private const string OpenAiApiKeyParameterVariable = "OPENAI_API_KEY_PARAMETER";
}
