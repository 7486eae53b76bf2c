using System.Text.Json.Nodes;
using RealtimeCalendar.Deploy.Tests.Synthesis;
using RealtimeCalendar.Functions.Site;

namespace RealtimeCalendar.Deploy.Tests.Site;

/// <summary>CloudFront serves the app with the one security-header policy the local cloud serves too.</summary>
[Collection(SynthesisCollection.Name)]
public sealed class SecurityHeadersTests(SynthesizedStacks stacks)
{
    [Fact]
    public void The_app_is_served_with_the_shared_response_headers_policy()
    {
        var stack = stacks.Default;
        var policyId = stack.SingleIdOfType("AWS::CloudFront::ResponseHeadersPolicy");
        var defaultBehavior = stack.Resources[stack.SingleIdOfType("AWS::CloudFront::Distribution")]!["Properties"]!["DistributionConfig"]!["DefaultCacheBehavior"]!;

        Assert.Equal(policyId, (string?)defaultBehavior["ResponseHeadersPolicyId"]!["Ref"]);
        var headers = SecurityHeaders(stack);
        Assert.Equal(SiteSecurityHeaders.StrictTransportSecurityMaxAgeSeconds, (int)headers["StrictTransportSecurity"]!["AccessControlMaxAgeSec"]!);
        Assert.True((bool)headers["StrictTransportSecurity"]!["IncludeSubdomains"]!);
        Assert.Equal("DENY", (string?)headers["FrameOptions"]!["FrameOption"]);
        Assert.Equal(SiteSecurityHeaders.ReferrerPolicy, (string?)headers["ReferrerPolicy"]!["ReferrerPolicy"]);
        Assert.NotNull(headers["ContentTypeOptions"]);
        Assert.All(new[] { "StrictTransportSecurity", "FrameOptions", "ReferrerPolicy", "ContentTypeOptions", "ContentSecurityPolicy" },
            name => Assert.True((bool)headers[name]!["Override"]!, name));
    }

    [Fact]
    public void The_content_security_policy_allows_only_the_app_its_websocket_api_and_cognito()
    {
        var stack = stacks.Default;
        var csp = Flatten(SecurityHeaders(stack)["ContentSecurityPolicy"]!["ContentSecurityPolicy"]);
        var directives = csp.Split("; ").ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

        Assert.Equal("'none'", directives["default-src"]);
        Assert.Equal("'self'", directives["script-src"]);
        Assert.Equal("'self'", directives["style-src"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        var connect = directives["connect-src"].Split(' ');
        Assert.Equal(3, connect.Length);
        Assert.Equal("'self'", connect[0]);
        Assert.StartsWith($"wss://{{Ref:{stack.SingleWebSocketApiId()}}}.execute-api.{{Ref:AWS::Region}}.", connect[1], StringComparison.Ordinal);
        Assert.Equal("https://cognito-idp.{Ref:AWS::Region}.{Ref:AWS::URLSuffix}/", connect[2]);
    }

    private static JsonNode SecurityHeaders(SynthesizedStack stack) =>
        stack.Resources[stack.SingleIdOfType("AWS::CloudFront::ResponseHeadersPolicy")]!["Properties"]!["ResponseHeadersPolicyConfig"]!["SecurityHeadersConfig"]!;

    /// <summary>A CloudFormation string with its references written as <c>{Ref:Id}</c>, so its text can be read.</summary>
    private static string Flatten(JsonNode? node) => node switch
    {
        JsonValue value => (string)value!,
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join((string)join[0]!, join[1]!.AsArray().Select(Flatten)),
        JsonObject o when o["Ref"] is { } reference => $"{{Ref:{(string)reference!}}}",
        JsonObject o when o["Fn::GetAtt"] is JsonArray attribute => $"{{{(string)attribute[0]!}.{(string)attribute[1]!}}}",
        _ => throw new InvalidOperationException($"Unexpected CloudFormation value {node?.ToJsonString()}"),
    };
}
