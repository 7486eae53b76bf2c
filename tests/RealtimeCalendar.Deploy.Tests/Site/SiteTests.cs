using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using RealtimeCalendar.Deploy.Site;
using RealtimeCalendar.Deploy.Tests.Synthesis;
using AssertionAnnotations = Amazon.CDK.Assertions.Annotations;

namespace RealtimeCalendar.Deploy.Tests.Site;

[Collection(SynthesisCollection.Name)]
public sealed class SiteTests(SynthesizedStacks stacks)
{
    // CloudFront's managed policies: CachingDisabled and AllViewerExceptHostHeader.
    private const string CachingDisabledPolicyId = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private const string AllViewerExceptHostHeaderPolicyId = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    [Fact]
    public void The_bucket_blocks_every_kind_of_public_access()
    {
        stacks.Default.Template.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
        });
        var bucket = stacks.Default.Resources[stacks.Default.SingleIdOfType("AWS::S3::Bucket")]!["Properties"]!;
        Assert.Null(bucket["WebsiteConfiguration"]);
    }

    [Fact]
    public void Only_this_distribution_reads_the_bucket_and_only_over_tls()
    {
        var stack = stacks.Default;
        var distribution = stack.SingleIdOfType("AWS::CloudFront::Distribution");
        var statements = stack.Resources[stack.SingleIdOfType("AWS::S3::BucketPolicy")]!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray()
            .Select(s => s!.AsObject())
            .ToList();

        Assert.Contains(statements, s =>
            (string?)s["Effect"] == "Deny" && (string?)s["Condition"]?["Bool"]?["aws:SecureTransport"] == "false");
        var allows = statements.Where(s => (string?)s["Effect"] == "Allow").ToList();
        var cloudFrontRead = Assert.Single(allows, s => (string?)s["Principal"]?["Service"] == "cloudfront.amazonaws.com");
        Assert.Equal("s3:GetObject", (string?)cloudFrontRead["Action"]);
        Assert.Contains(distribution, TemplateQueries.ReferencedIds(cloudFrontRead["Condition"]!["StringEquals"]!["AWS:SourceArn"]));
        // Any other Allow is the auto-delete custom resource's (for `cdk destroy`), never a public principal.
        Assert.DoesNotContain(allows, s => s["Principal"]?.ToJsonString() is "\"*\"" or "{\"AWS\":\"*\"}");
    }

    [Fact]
    public void CloudFront_signs_requests_to_the_bucket_with_origin_access_control()
    {
        var stack = stacks.Default;
        stack.Template.HasResourceProperties("AWS::CloudFront::OriginAccessControl", new Dictionary<string, object>
        {
            ["OriginAccessControlConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["OriginAccessControlOriginType"] = "s3",
                ["SigningBehavior"] = "always",
                ["SigningProtocol"] = "sigv4",
            }),
        });
        var s3Origin = Origins(stack).Single(o => o["S3OriginConfig"] is not null);
        Assert.Equal(stack.SingleIdOfType("AWS::CloudFront::OriginAccessControl"), (string?)s3Origin["OriginAccessControlId"]!["Fn::GetAtt"]![0]);
        Assert.Equal(stack.SingleIdOfType("AWS::S3::Bucket"), (string?)s3Origin["DomainName"]!["Fn::GetAtt"]![0]);
    }

    [Fact]
    public void The_root_serves_index_html_over_https()
    {
        var config = DistributionConfig(stacks.Default);
        Assert.Equal("index.html", (string?)config["DefaultRootObject"]);
        Assert.Equal("redirect-to-https", (string?)config["DefaultCacheBehavior"]!["ViewerProtocolPolicy"]);
    }

    [Fact]
    public void Api_paths_go_uncached_to_the_http_api_with_every_viewer_header_but_host()
    {
        var stack = stacks.Default;
        var config = DistributionConfig(stack);
        var api = Assert.Single(config["CacheBehaviors"]!.AsArray())!;

        Assert.Equal("/api/*", (string?)api["PathPattern"]);
        Assert.Equal(CachingDisabledPolicyId, (string?)api["CachePolicyId"]);
        Assert.Equal(AllViewerExceptHostHeaderPolicyId, (string?)api["OriginRequestPolicyId"]);
        Assert.Equal("https-only", (string?)api["ViewerProtocolPolicy"]);
        Assert.Superset(new HashSet<string> { "GET", "POST", "PUT", "DELETE", "OPTIONS" }, api["AllowedMethods"]!.AsArray().Select(m => (string)m!).ToHashSet());

        var origin = Origins(stack).Single(o => (string?)o["Id"] == (string?)api["TargetOriginId"]);
        Assert.Equal("https-only", (string?)origin["CustomOriginConfig"]!["OriginProtocolPolicy"]);
        Assert.Contains(stack.SingleHttpApiId(), TemplateQueries.ReferencedIds(origin["DomainName"]));
    }

    [Fact]
    public void A_built_client_is_deployed_with_its_entry_document_and_config_never_cached_stale()
    {
        var stack = stacks.Default;
        var deployments = stack.ResourcesOfType("Custom::CDKBucketDeployment").Select(d => d.Resource["Properties"]!).ToList();
        Assert.Equal(2, deployments.Count);
        Assert.All(deployments, d => Assert.Equal(false, (bool?)d["Prune"]));

        var entry = Assert.Single(deployments, d => d["SystemMetadata"]?["cache-control"]?.ToString() == "no-cache");
        // index.html, the service worker and config.json.
        Assert.Equal(3, entry["SourceObjectKeys"]!.AsArray().Count);
        var assets = Assert.Single(deployments, d => d != entry);
        Assert.Contains("max-age=", assets["SystemMetadata"]!["cache-control"]!.ToString(), StringComparison.Ordinal);

        var config = ConfigJson(stack);
        var index = Assert.Single(Directory.GetFiles(stack.OutputDirectory, "index.html", SearchOption.AllDirectories));
        Assert.Equal(File.ReadAllText(Path.Combine(stacks.ClientDist, "index.html")), File.ReadAllText(index));
        Assert.NotNull(config);
        // The service worker is staged once, as an entry (no-cache), and left out of the cached assets.
        var worker = Assert.Single(Directory.GetFiles(stack.OutputDirectory, StaticSite.ServiceWorkerScript, SearchOption.AllDirectories));
        Assert.Equal(File.ReadAllText(Path.Combine(stacks.ClientDist, StaticSite.ServiceWorkerScript)), File.ReadAllText(worker));
    }

    [Fact]
    public void The_service_worker_file_the_site_serves_uncached_is_the_one_the_client_build_writes()
    {
        var viteConfig = File.ReadAllText(Path.Combine(StackSynthesizer.RepositoryRoot, "client", "vite.worker.config.ts"));
        Assert.Contains($"'{StaticSite.ServiceWorkerScript}'", viteConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_json_hands_browsers_the_vapid_public_key_only_when_web_push_is_configured()
    {
        Assert.Null(ConfigJson(stacks.Default)["vapidPublicKey"]);
        Assert.Equal(SynthesizedStacks.VapidPublicKey, (string?)ConfigJson(stacks.WithEveryProfile)["vapidPublicKey"]);
    }

    [Fact]
    public void Config_json_tells_the_client_where_its_socket_and_cognito_are()
    {
        var config = ConfigJson(stacks.Default);

        Assert.Equal("", (string?)config["apiBaseUrl"]);
        Assert.StartsWith("wss://", (string?)config["webSocketUrl"], StringComparison.Ordinal);
        Assert.EndsWith("/live", (string?)config["webSocketUrl"], StringComparison.Ordinal);
        Assert.StartsWith("https://cognito-idp.", (string?)config["cognito"]!["endpoint"], StringComparison.Ordinal);
        foreach (var key in new[] { "region", "userPoolId", "clientId" })
            Assert.False(string.IsNullOrEmpty((string?)config["cognito"]![key]), key);
        // chat is in the bootstrap's catalog, so the client offers it (and asks GET /api/chat whether a key is set).
        Assert.Equal(true, (bool?)config["chatEnabled"]);
    }

    [Fact]
    public void Without_a_client_build_the_stack_still_synthesizes_and_says_so()
    {
        var stack = stacks.WithWaf;
        var deployment = Assert.Single(stack.ResourcesOfType("Custom::CDKBucketDeployment")).Resource["Properties"]!;
        Assert.Single(deployment["SourceObjectKeys"]!.AsArray());
        Assert.NotNull(ConfigJson(stack));
        AssertionAnnotations.FromStack(stack.Stack).HasWarning("*", Match.StringLikeRegexp("does not exist: only config.json is deployed"));
    }

    private static JsonNode DistributionConfig(SynthesizedStack stack) =>
        stack.Resources[stack.SingleIdOfType("AWS::CloudFront::Distribution")]!["Properties"]!["DistributionConfig"]!;

    private static IEnumerable<JsonNode> Origins(SynthesizedStack stack) =>
        DistributionConfig(stack)["Origins"]!.AsArray().Select(o => o!);

    /// <summary>The generated config.json as staged in cdk.out (deploy-time values are markers there).</summary>
    private static JsonNode ConfigJson(SynthesizedStack stack) =>
        JsonNode.Parse(File.ReadAllText(Assert.Single(Directory.GetFiles(stack.OutputDirectory, "config.json", SearchOption.AllDirectories))))!;
}
