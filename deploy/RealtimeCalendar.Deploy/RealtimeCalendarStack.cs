using Amazon.CDK;
using Constructs;
using RealtimeCalendar.Deploy.Api;
using RealtimeCalendar.Deploy.Functions;
using RealtimeCalendar.Deploy.Hosting;
using RealtimeCalendar.Deploy.Identity;
using RealtimeCalendar.Deploy.Monitoring;
using RealtimeCalendar.Deploy.Scheduling;
using RealtimeCalendar.Deploy.Site;
using RealtimeCalendar.Deploy.Storage;
using RealtimeCalendar.Deploy.Streams;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Functions.Site;

namespace RealtimeCalendar.Deploy;

/// <summary>
/// The whole cloud deployment. Tables, routes, functions and their environment come from the product's own
/// definitions (CalendarTables, HttpRoutes, WebSocketRoutes, FunctionCatalog, FunctionSettings), never restated here.
/// </summary>
public sealed class RealtimeCalendarStack : Stack
{
    public const string SiteUrlOutput = "SiteUrl";
    public const string WebSocketUrlOutput = "WebSocketUrl";
    public const string HttpApiUrlOutput = "HttpApiUrl";
    public const string UserPoolIdOutput = "UserPoolId";
    public const string UserPoolClientIdOutput = "UserPoolClientId";
    public const string FailedChangesQueueOutput = "FailedChangesQueueUrl";

    public RealtimeCalendarStack(Construct scope, string id, IStackProps props, DeploymentOptions options)
        : base(scope, id, props)
    {
        var tables = new DynamoDbTables(this, "Tables");
        var users = new UserDirectory(this, "Users");
        var realtime = new RealtimeWebSocketApi(this, "Realtime");

        var environment = FunctionEnvironment.Create(
            tables.Events.TableName,
            tables.Connections.TableName,
            tables.Sessions.TableName,
            tables.PushSubscriptions.TableName,
            tables.Reminders.TableName,
            users.Issuer,
            users.Client.UserPoolClientId,
            realtime.Stage.CallbackUrl,
            options.WebPush);
        var functions = new BootstrapFunctions(this, "Functions", options, tables, environment);

        realtime.RouteTo(functions);
        foreach (var (name, function) in functions.ByName)
        {
            // Scoped to this API's stage: arn:...:execute-api:{region}:{account}:{api}/live/*/@connections/*
            if (FunctionProfiles.For(name).ManagesConnections)
                realtime.Stage.GrantManagementApiAccess(function);
        }

        var trigger = new EventsStreamTrigger(this, "NotifyTrigger", tables.Events, functions[FunctionNames.Notify]);
        if (functions.Contains(FunctionNames.GooglePush))
            _ = new EventsStreamTrigger(this, "GooglePushTrigger", tables.Events, functions[FunctionNames.GooglePush]);
        var httpApi = new CalendarHttpApi(this, "Http", functions, users);
        // Not a third reader of the Events stream (a shard allows two, notify and google-push hold them): a clock sweeps
        // the sparse due index instead (src/RealtimeCalendar.Core/Reminders/README.md).
        if (functions.Contains(FunctionNames.Reminders))
            _ = new ReminderSweepSchedule(this, "ReminderSchedule", functions[FunctionNames.Reminders]);

        var firewall = options.EnableWaf ? new CloudFrontFirewall(this, "Firewall") : null;
        var site = new StaticSite(this, "Site", new StaticSiteProps(
            options.ClientDistDirectory,
            httpApi.DomainName,
            ClientConfigDocument.Create(
                realtime.Stage.Url,
                users.ApiEndpoint,
                Region,
                users.Pool.UserPoolId,
                users.Client.UserPoolClientId,
                chatEnabled: functions.Contains(FunctionNames.Chat),
                vapidPublicKey: functions.Contains(FunctionNames.PushSubscriptions) ? options.WebPush?.PublicKey : null),
            firewall?.WebAcl.AttrArn,
            SiteSecurityHeaders.For(realtime.Stage.Url, users.ApiEndpoint)));

        _ = new OperationalAlarms(this, "Alarms", functions, trigger.DeadLetters, options.AlarmEmail);

        Output(SiteUrlOutput, site.Url, "Open this in a browser");
        Output(WebSocketUrlOutput, realtime.Stage.Url, "wscat -c '<url>?ticket=...' for a live socket");
        Output(HttpApiUrlOutput, httpApi.Stage.Url, "The HTTP API without CloudFront (routes start with /api)");
        Output(UserPoolIdOutput, users.Pool.UserPoolId, "aws cognito-idp admin-create-user --user-pool-id <this> ...");
        Output(UserPoolClientIdOutput, users.Client.UserPoolClientId, "The browser's app client (USER_PASSWORD_AUTH)");
        Output(FailedChangesQueueOutput, trigger.DeadLetters.QueueUrl, "Stream records notify could not deliver");
    }

    private void Output(string id, string value, string description) =>
        _ = new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });
}
