using System.Collections;
using System.Globalization;

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
        };
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
