using Amazon.CDK.Assertions;

namespace RealtimeCalendar.Deploy.Tests.Synthesis;

[Collection(SynthesisCollection.Name)]
public sealed class OutputTests(SynthesizedStacks stacks)
{
    [Fact]
    public void The_stack_outputs_the_site_sockets_api_and_sign_in_ids()
    {
        var stack = stacks.Default;
        var expected = new Dictionary<string, string>
        {
            [RealtimeCalendarStack.SiteUrlOutput] = "AWS::CloudFront::Distribution",
            [RealtimeCalendarStack.WebSocketUrlOutput] = "AWS::ApiGatewayV2::Api",
            [RealtimeCalendarStack.HttpApiUrlOutput] = "AWS::ApiGatewayV2::Api",
            [RealtimeCalendarStack.UserPoolIdOutput] = "AWS::Cognito::UserPool",
            [RealtimeCalendarStack.UserPoolClientIdOutput] = "AWS::Cognito::UserPoolClient",
        };
        foreach (var (output, sourceType) in expected)
        {
            stack.Template.HasOutput(output, new Dictionary<string, object> { ["Value"] = Match.AnyValue() });
            var value = stack.Json["Outputs"]![output]!["Value"];
            Assert.Contains(TemplateQueries.ReferencedIds(value), id => (string?)stack.Resources[id]?["Type"] == sourceType);
        }

        Assert.StartsWith("[\"https://\"", stack.Json["Outputs"]![RealtimeCalendarStack.SiteUrlOutput]!["Value"]!["Fn::Join"]![1]!.ToJsonString(), StringComparison.Ordinal);
        Assert.StartsWith("[\"wss://\"", stack.Json["Outputs"]![RealtimeCalendarStack.WebSocketUrlOutput]!["Value"]!["Fn::Join"]![1]!.ToJsonString(), StringComparison.Ordinal);
    }
}
