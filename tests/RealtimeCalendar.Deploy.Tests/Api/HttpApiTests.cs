using System.Text.Json.Nodes;
using RealtimeCalendar.Deploy.Tests.Synthesis;
using RealtimeCalendar.Functions.Routing;

namespace RealtimeCalendar.Deploy.Tests.Api;

[Collection(SynthesisCollection.Name)]
public sealed class HttpApiTests(SynthesizedStacks stacks)
{
    public static TheoryData<string> RouteKeys => [.. HttpRoutes.All.Select(r => r.RouteKey)];

    [Theory]
    [MemberData(nameof(RouteKeys))]
    public void Each_route_reaches_its_function_behind_the_jwt_authorizer_with_the_access_token_scope_unless_public(string routeKey)
    {
        var stack = stacks.Default;
        var definition = HttpRoutes.All.Single(r => r.RouteKey == routeKey);
        var route = Route(stack, routeKey);

        Assert.Equal(stack.SingleHttpApiId(), (string?)route["ApiId"]!["Ref"]);
        if (definition.RequiresAuthorization)
        {
            Assert.Equal("JWT", (string?)route["AuthorizationType"]);
            Assert.Equal(stack.SingleIdOfType("AWS::ApiGatewayV2::Authorizer"), (string?)route["AuthorizerId"]!["Ref"]);
            // Every Cognito access token carries this scope and no ID token does: the authorizer itself refuses ID tokens.
            Assert.Equal(["aws.cognito.signin.user.admin"], route["AuthorizationScopes"]!.AsArray().Select(s => (string?)s));
        }
        else
        {
            Assert.Equal("NONE", (string?)route["AuthorizationType"]);
            Assert.Null(route["AuthorizerId"]);
            Assert.Null(route["AuthorizationScopes"]);
        }

        Assert.Equal(stack.Function(definition.Function).LogicalId, IntegratedFunction(stack, route));
    }

    [Fact]
    public void The_api_has_no_route_beyond_the_defined_ones()
    {
        var keys = stacks.Default.ResourcesOfType("AWS::ApiGatewayV2::Route")
            .Where(r => (string?)r.Resource["Properties"]!["ApiId"]!["Ref"] == stacks.Default.SingleHttpApiId())
            .Select(r => (string)r.Resource["Properties"]!["RouteKey"]!)
            .Order();
        Assert.Equal(HttpRoutes.All.Select(r => r.RouteKey).Order(), keys);
    }

    [Fact]
    public void The_jwt_authorizer_trusts_the_user_pools_tokens_for_the_web_client_only()
    {
        var stack = stacks.Default;
        var authorizer = stack.Resources[stack.SingleIdOfType("AWS::ApiGatewayV2::Authorizer")]!["Properties"]!;
        Assert.Equal("JWT", (string?)authorizer["AuthorizerType"]);
        Assert.Equal("$request.header.Authorization", (string?)authorizer["IdentitySource"]![0]);
        Assert.Equal(stack.SingleIdOfType("AWS::Cognito::UserPool"), (string?)authorizer["JwtConfiguration"]!["Issuer"]!["Fn::GetAtt"]![0]);
        Assert.Equal("ProviderURL", (string?)authorizer["JwtConfiguration"]!["Issuer"]!["Fn::GetAtt"]![1]);
        var audience = Assert.Single(authorizer["JwtConfiguration"]!["Audience"]!.AsArray());
        Assert.Equal(stack.SingleIdOfType("AWS::Cognito::UserPoolClient"), (string?)audience!["Ref"]);
    }

    [Fact]
    public void The_default_stage_deploys_itself_and_is_throttled()
    {
        var stage = stacks.Default.ResourcesOfType("AWS::ApiGatewayV2::Stage")
            .Single(s => (string?)s.Resource["Properties"]!["ApiId"]!["Ref"] == stacks.Default.SingleHttpApiId())
            .Resource["Properties"]!;
        Assert.Equal("$default", (string?)stage["StageName"]);
        Assert.Equal(true, (bool?)stage["AutoDeploy"]);
        Assert.NotNull((double?)stage["DefaultRouteSettings"]!["ThrottlingRateLimit"]);
        Assert.NotNull((int?)stage["DefaultRouteSettings"]!["ThrottlingBurstLimit"]);
    }

    internal static JsonNode Route(SynthesizedStack stack, string routeKey)
    {
        var routes = stack.ResourcesOfType("AWS::ApiGatewayV2::Route")
            .Where(r => (string?)r.Resource["Properties"]!["RouteKey"] == routeKey)
            .ToList();
        Assert.True(routes.Count == 1, $"Expected one route {routeKey}, found {routes.Count}.");
        return routes[0].Resource["Properties"]!;
    }

    /// <summary>The function a route's integration invokes (Target: integrations/{Ref} -> IntegrationUri).</summary>
    internal static string? IntegratedFunction(SynthesizedStack stack, JsonNode route)
    {
        var integrationId = TemplateQueries.ReferencedIds(route["Target"]).Single();
        var integration = stack.Resources[integrationId]!["Properties"]!;
        Assert.Equal("AWS_PROXY", (string?)integration["IntegrationType"]);
        return TemplateQueries.ReferencedIds(integration["IntegrationUri"])
            .SingleOrDefault(id => (string?)stack.Resources[id]?["Type"] == "AWS::Lambda::Function");
    }
}
