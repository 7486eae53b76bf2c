using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Constructs;
using RealtimeCalendar.Deploy.Functions;
using RealtimeCalendar.Functions.Routing;

namespace RealtimeCalendar.Deploy.Api;

/// <summary>
/// The WebSocket API and its stage. It is created before the functions (whose environment needs the stage's
/// Management API endpoint) and routed to them afterwards with <see cref="RouteTo"/>.
/// </summary>
public sealed class RealtimeWebSocketApi : Construct
{
    public const string StageName = "live";

    public RealtimeWebSocketApi(Construct scope, string id)
        : base(scope, id)
    {
        Api = new WebSocketApi(this, "Api", new WebSocketApiProps
        {
            ApiName = $"{Stack.Of(this).StackName}-realtime",
            Description = "RealtimeCalendar live updates",
            RouteSelectionExpression = WebSocketRoutes.SelectionExpression,
        });
        Stage = new WebSocketStage(this, "Stage", new WebSocketStageProps
        {
            WebSocketApi = Api,
            StageName = StageName,
            AutoDeploy = true,
            Throttle = ApiThrottling.Personal,
        });
    }

    public WebSocketApi Api { get; }

    public WebSocketStage Stage { get; }

    /// <summary>Adds every route of <see cref="WebSocketRoutes.All"/>; routes that answer get a two-way route response.</summary>
    public void RouteTo(BootstrapFunctions functions)
    {
        var integrations = new Dictionary<string, WebSocketLambdaIntegration>(StringComparer.Ordinal);
        foreach (var route in WebSocketRoutes.All)
        {
            if (!integrations.TryGetValue(route.Function, out var integration))
            {
                integration = new WebSocketLambdaIntegration(ConstructNames.Pascal(route.Function) + "Integration", functions[route.Function]);
                integrations[route.Function] = integration;
            }

            Api.AddRoute(route.RouteKey, new WebSocketRouteOptions
            {
                Integration = integration,
                ReturnResponse = route.ReturnsResponse,
            });
        }
    }
}
