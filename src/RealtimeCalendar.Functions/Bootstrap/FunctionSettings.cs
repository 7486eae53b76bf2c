using System.Collections;
using System.Globalization;
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

    public int MaxEventsPerUser { get; init; } = 10_000;

    /// <summary>How young a connection keeps its record on a 410 (<c>CONNECTION_HANDSHAKE_GRACE_SECONDS</c>; see ChangeFanOutOptions).</summary>
    public TimeSpan ConnectionHandshakeGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests one user may make per minute across the signed-in HTTP routes (429 past it); 0 turns the limit off.</summary>
    public int RequestsPerUserPerMinute { get; init; } = 600;

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

    /// <summary>Google sync; null when <c>GOOGLE_CLIENT_ID</c> is unset, and the google-sync routes then answer 503.</summary>
    public GoogleSettings? Google { get; init; }

    public static FunctionSettings FromEnvironment() => FromVariables(Environment.GetEnvironmentVariables());

    public static FunctionSettings FromVariables(IDictionary variables)
    {
        string? Get(string name) => variables[name] as string is { Length: > 0 } value ? value : null;
        string Require(string name) => Get(name) ?? throw new InvalidOperationException($"Environment variable {name} is not set.");

        return new FunctionSettings
        {
            EventsTable = Require("EVENTS_TABLE"),
            ConnectionsTable = Require("CONNECTIONS_TABLE"),
            SessionsTable = Require("SESSIONS_TABLE"),
            Region = Get("AWS_REGION") ?? "us-east-1",
            DynamoDbEndpoint = Get("DYNAMODB_ENDPOINT") is { } endpoint ? new Uri(endpoint) : null,
            ManagementApiEndpoint = Get(ManagementApiEndpointVariable) is { } management ? new Uri(management) : null,
            CognitoIssuer = Get("COGNITO_ISSUER"),
            CognitoClientIds = Get("COGNITO_CLIENT_IDS") is { } clients ? clients.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [],
            MaxEventsPerUser = Get("MAX_EVENTS_PER_USER") is { } max ? int.Parse(max, CultureInfo.InvariantCulture) : 10_000,
            ConnectionHandshakeGrace = Get("CONNECTION_HANDSHAKE_GRACE_SECONDS") is { } grace
                ? TimeSpan.FromSeconds(double.Parse(grace, CultureInfo.InvariantCulture))
                : TimeSpan.FromSeconds(30),
            RequestsPerUserPerMinute = Get("REQUESTS_PER_USER_PER_MINUTE") is { } perMinute ? int.Parse(perMinute, CultureInfo.InvariantCulture) : 600,
            ChatQuestionsPerUserPerDay = Get("CHAT_QUESTIONS_PER_USER_PER_DAY") is { } perDay ? int.Parse(perDay, CultureInfo.InvariantCulture) : 200,
            OpenAiModel = Get("OPENAI_MODEL") ?? "gpt-4o-mini",
            OpenAiBaseUrl = Get("OPENAI_BASE_URL") is { } baseUrl ? new Uri(baseUrl) : null,
            OpenAiAttemptTimeout = Get("OPENAI_TIMEOUT_SECONDS") is { } timeout
                ? TimeSpan.FromSeconds(double.Parse(timeout, CultureInfo.InvariantCulture))
                : TimeSpan.FromSeconds(12),
            OpenAiApiKeyParameter = Get("OPENAI_API_KEY_PARAMETER"),
            Google = GoogleSettings.FromVariables(Get),
        };
    }

    /// <summary>The same settings as environment variables, for a child process that reads them with <see cref="FromEnvironment"/>.</summary>
    public IReadOnlyDictionary<string, string> ToVariables()
    {
        var variables = new Dictionary<string, string>
        {
            ["EVENTS_TABLE"] = EventsTable,
            ["CONNECTIONS_TABLE"] = ConnectionsTable,
            ["SESSIONS_TABLE"] = SessionsTable,
            ["AWS_REGION"] = Region,
            ["MAX_EVENTS_PER_USER"] = MaxEventsPerUser.ToString(CultureInfo.InvariantCulture),
            ["REQUESTS_PER_USER_PER_MINUTE"] = RequestsPerUserPerMinute.ToString(CultureInfo.InvariantCulture),
            ["CONNECTION_HANDSHAKE_GRACE_SECONDS"] = ConnectionHandshakeGrace.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["CHAT_QUESTIONS_PER_USER_PER_DAY"] = ChatQuestionsPerUserPerDay.ToString(CultureInfo.InvariantCulture),
            ["OPENAI_MODEL"] = OpenAiModel,
            ["OPENAI_TIMEOUT_SECONDS"] = OpenAiAttemptTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        };
        if (OpenAiBaseUrl is not null)
            variables["OPENAI_BASE_URL"] = OpenAiBaseUrl.ToString();
        if (OpenAiApiKeyParameter is not null)
            variables["OPENAI_API_KEY_PARAMETER"] = OpenAiApiKeyParameter;
        if (CognitoIssuer is not null)
            variables["COGNITO_ISSUER"] = CognitoIssuer;
        if (CognitoClientIds.Count > 0)
            variables["COGNITO_CLIENT_IDS"] = string.Join(',', CognitoClientIds);
        if (ManagementApiEndpoint is not null)
            variables[ManagementApiEndpointVariable] = ManagementApiEndpoint.ToString();
        if (DynamoDbEndpoint is not null)
            variables["DYNAMODB_ENDPOINT"] = DynamoDbEndpoint.ToString();
        Google?.AddVariables(variables);
        return variables;
    }
}
