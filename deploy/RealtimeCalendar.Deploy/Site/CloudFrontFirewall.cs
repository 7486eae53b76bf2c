using Amazon.CDK;
using Amazon.CDK.AWS.WAFv2;
using Constructs;

namespace RealtimeCalendar.Deploy.Site;

/// <summary>
/// The optional web ACL (<c>-c waf=true</c>) for the CloudFront distribution: AWS's managed common rule set plus a
/// per-IP rate limit. WAF cannot attach to HTTP or WebSocket APIs, and a CLOUDFRONT-scoped web ACL must be created in
/// us-east-1, so this option needs the stack deployed there.
/// </summary>
public sealed class CloudFrontFirewall : Construct
{
    public const string RequiredRegion = "us-east-1";

    /// <summary>Requests per IP in any 5-minute window before WAF blocks that IP for a while.</summary>
    public const int RateLimitPer5Minutes = 1000;

    public CloudFrontFirewall(Construct scope, string id)
        : base(scope, id)
    {
        var region = Stack.Of(this).Region;
        if (!Token.IsUnresolved(region) && region != RequiredRegion)
        {
            throw new InvalidOperationException(
                $"waf=true needs the stack in {RequiredRegion} (CloudFront web ACLs exist only there), but it targets {region}. " +
                $"Deploy with AWS_REGION={RequiredRegion} or without -c waf=true.");
        }

        if (Token.IsUnresolved(region))
            Annotations.Of(this).AddWarning($"waf=true: deploy this stack to {RequiredRegion}; CloudFront web ACLs cannot be created elsewhere.");

        WebAcl = new CfnWebACL(this, "WebAcl", new CfnWebACLProps
        {
            Scope = "CLOUDFRONT",
            Description = "RealtimeCalendar site: AWS managed common rules and a per-IP rate limit",
            DefaultAction = new CfnWebACL.DefaultActionProperty { Allow = new CfnWebACL.AllowActionProperty() },
            VisibilityConfig = Visibility("RealtimeCalendarSite"),
            Rules = new object[]
            {
                new CfnWebACL.RuleProperty
                {
                    Name = "AWSManagedRulesCommonRuleSet",
                    Priority = 0,
                    OverrideAction = new CfnWebACL.OverrideActionProperty { None = new Dictionary<string, object>() },
                    Statement = new CfnWebACL.StatementProperty
                    {
                        ManagedRuleGroupStatement = new CfnWebACL.ManagedRuleGroupStatementProperty
                        {
                            VendorName = "AWS",
                            Name = "AWSManagedRulesCommonRuleSet",
                        },
                    },
                    VisibilityConfig = Visibility("CommonRuleSet"),
                },
                new CfnWebACL.RuleProperty
                {
                    Name = "RateLimitPerIp",
                    Priority = 1,
                    Action = new CfnWebACL.RuleActionProperty { Block = new CfnWebACL.BlockActionProperty() },
                    Statement = new CfnWebACL.StatementProperty
                    {
                        RateBasedStatement = new CfnWebACL.RateBasedStatementProperty
                        {
                            Limit = RateLimitPer5Minutes,
                            AggregateKeyType = "IP",
                        },
                    },
                    VisibilityConfig = Visibility("RateLimitPerIp"),
                },
            },
        });
    }

    public CfnWebACL WebAcl { get; }

    private static CfnWebACL.VisibilityConfigProperty Visibility(string metricName) => new()
    {
        CloudWatchMetricsEnabled = true,
        SampledRequestsEnabled = true,
        MetricName = metricName,
    };
}
