using RealtimeCalendar.Functions.Bootstrap;

namespace RealtimeCalendar.Deploy.Functions;

/// <summary>
/// The environment every function starts with, produced by <see cref="FunctionSettings.ToVariables"/> (the same
/// names the bootstrap reads) with CloudFormation references as values, so the two can never drift apart.
/// </summary>
public static class FunctionEnvironment
{
    /// <summary>Lambda sets these itself and rejects a function that sets them (AWS_REGION among them).</summary>
    public static IReadOnlySet<string> LambdaReservedVariables { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    public static IReadOnlyDictionary<string, string> Create(
        string eventsTable,
        string connectionsTable,
        string sessionsTable,
        string pushSubscriptionsTable,
        string remindersTable,
        string cognitoIssuer,
        string cognitoClientId,
        string managementApiEndpoint,
        WebPushSettings? webPush = null)
    {
        var settings = new FunctionSettings
        {
            EventsTable = eventsTable,
            ConnectionsTable = connectionsTable,
            SessionsTable = sessionsTable,
            PushSubscriptionsTable = pushSubscriptionsTable,
            WebPush = webPush,
            RemindersTable = remindersTable,
            CognitoIssuer = cognitoIssuer,
            CognitoClientIds = [cognitoClientId],
        };

        var variables = settings.ToVariables()
            .Where(variable => !LambdaReservedVariables.Contains(variable.Key))
            .ToDictionary(variable => variable.Key, variable => variable.Value, StringComparer.Ordinal);
        // A CloudFormation token is not a parseable Uri, so the endpoint goes in by its variable name, not through the Uri.
        variables[FunctionSettings.ManagementApiEndpointVariable] = managementApiEndpoint;
        return variables;
    }
}
