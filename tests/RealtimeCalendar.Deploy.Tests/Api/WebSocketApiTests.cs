using RealtimeCalendar.Deploy.Tests.Synthesis;
using RealtimeCalendar.Functions.Routing;

namespace RealtimeCalendar.Deploy.Tests.Api;

[Collection(SynthesisCollection.Name)]
public sealed class WebSocketApiTests(SynthesizedStacks stacks)
{
    public static TheoryData<string> RouteKeys => [.. WebSocketRoutes.All.Select(r => r.RouteKey)];

    [Fact]
    public void The_websocket_api_selects_routes_by_the_action_field()
    {
        var api = stacks.Default.Resources[stacks.Default.SingleWebSocketApiId()]!["Properties"]!;
        Assert.Equal(WebSocketRoutes.SelectionExpression, (string?)api["RouteSelectionExpression"]);
        Assert.Equal("$request.body.action", (string?)api["RouteSelectionExpression"]);
    }

    [Theory]
    [MemberData(nameof(RouteKeys))]
    public void Each_route_reaches_its_function_and_answering_routes_are_two_way(string routeKey)
    {
        var stack = stacks.Default;
        var definition = WebSocketRoutes.All.Single(r => r.RouteKey == routeKey);
        var routeEntry = stack.ResourcesOfType("AWS::ApiGatewayV2::Route")
            .Single(r => (string?)r.Resource["Properties"]!["RouteKey"] == routeKey);
        var route = routeEntry.Resource["Properties"]!;

        Assert.Equal(stack.SingleWebSocketApiId(), (string?)route["ApiId"]!["Ref"]);
        Assert.Equal(stack.Function(definition.Function).LogicalId, HttpApiTests.IntegratedFunction(stack, route));

        var responses = stack.ResourcesOfType("AWS::ApiGatewayV2::RouteResponse")
            .Where(r => (string?)r.Resource["Properties"]!["RouteId"]!["Ref"] == routeEntry.LogicalId)
            .ToList();
        if (definition.ReturnsResponse)
        {
            Assert.Equal("$default", (string?)route["RouteResponseSelectionExpression"]);
            Assert.Equal("$default", (string?)Assert.Single(responses).Resource["Properties"]!["RouteResponseKey"]);
        }
        else
        {
            Assert.Null(route["RouteResponseSelectionExpression"]);
            Assert.Empty(responses);
        }
    }

    [Fact]
    public void The_live_stage_deploys_itself_and_is_throttled()
    {
        var stage = stacks.Default.ResourcesOfType("AWS::ApiGatewayV2::Stage")
            .Single(s => (string?)s.Resource["Properties"]!["ApiId"]!["Ref"] == stacks.Default.SingleWebSocketApiId())
            .Resource["Properties"]!;
        Assert.Equal("live", (string?)stage["StageName"]);
        Assert.Equal(true, (bool?)stage["AutoDeploy"]);
        Assert.NotNull((double?)stage["DefaultRouteSettings"]!["ThrottlingRateLimit"]);
    }
}
