using Amazon.CDK.Assertions;
using RealtimeCalendar.Deploy.Tests.Synthesis;

namespace RealtimeCalendar.Deploy.Tests.Site;

[Collection(SynthesisCollection.Name)]
public sealed class FirewallTests(SynthesizedStacks stacks)
{
    [Fact]
    public void No_web_acl_exists_unless_asked_for()
    {
        stacks.Default.Template.ResourceCountIs("AWS::WAFv2::WebACL", 0);
        stacks.Default.Template.HasResourceProperties("AWS::CloudFront::Distribution", new Dictionary<string, object>
        {
            ["DistributionConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["WebACLId"] = Match.Absent() }),
        });
    }

    [Fact]
    public void Waf_true_guards_the_distribution_with_managed_rules_and_a_rate_limit()
    {
        var stack = stacks.WithWaf;
        var acl = stack.SingleIdOfType("AWS::WAFv2::WebACL");
        stack.Template.HasResourceProperties("AWS::WAFv2::WebACL", new Dictionary<string, object>
        {
            ["Scope"] = "CLOUDFRONT",
            ["DefaultAction"] = new Dictionary<string, object> { ["Allow"] = new Dictionary<string, object>() },
            ["Rules"] = Match.ArrayWith(new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["OverrideAction"] = new Dictionary<string, object> { ["None"] = new Dictionary<string, object>() },
                    ["Statement"] = new Dictionary<string, object>
                    {
                        ["ManagedRuleGroupStatement"] = new Dictionary<string, object> { ["VendorName"] = "AWS", ["Name"] = "AWSManagedRulesCommonRuleSet" },
                    },
                }),
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Action"] = new Dictionary<string, object> { ["Block"] = new Dictionary<string, object>() },
                    ["Statement"] = new Dictionary<string, object>
                    {
                        ["RateBasedStatement"] = Match.ObjectLike(new Dictionary<string, object> { ["AggregateKeyType"] = "IP", ["Limit"] = Match.AnyValue() }),
                    },
                }),
            }),
        });
        stack.Template.HasResourceProperties("AWS::CloudFront::Distribution", new Dictionary<string, object>
        {
            ["DistributionConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["WebACLId"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new[] { acl, "Arn" } },
            }),
        });
        // WAF cannot attach to HTTP or WebSocket APIs: nothing else is associated.
        stack.Template.ResourceCountIs("AWS::WAFv2::WebACLAssociation", 0);
    }

    [Fact]
    public void Waf_outside_us_east_1_is_refused_at_synth()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StackSynthesizer.Synthesize(
            new Dictionary<string, object> { ["waf"] = "true" },
            region: "eu-west-1"));
        Assert.Contains("us-east-1", error.Message, StringComparison.Ordinal);
    }
}
