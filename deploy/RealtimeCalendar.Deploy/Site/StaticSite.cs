using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using AssetOptions = Amazon.CDK.AWS.S3.Assets.AssetOptions;
using Amazon.CDK.AWS.S3.Deployment;
using Distribution = Amazon.CDK.AWS.CloudFront.Distribution;
using Constructs;
using RealtimeCalendar.Functions.Site;

namespace RealtimeCalendar.Deploy.Site;

/// <summary>
/// The browser app: a private bucket read only by CloudFront (origin access control), with <c>/api/*</c> sent
/// uncached to the HTTP API so the app and its API share one origin (no CORS, no token in a cross-site request).
/// </summary>
public sealed class StaticSite : Construct
{
    /// <summary>The document that names the current hashed bundles; it must never be served stale.</summary>
    public const string EntryDocument = "index.html";

    /// <summary>
    /// The Web Push service worker (client/vite.worker.config.ts names it): a worker's URL never changes, so, like index.html,
    /// it is served no-cache; browsers check it for updates at every navigation.
    /// </summary>
    public const string ServiceWorkerScript = "push-worker.js";

    public StaticSite(Construct scope, string id, StaticSiteProps props)
        : base(scope, id)
    {
        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            Encryption = BucketEncryption.S3_MANAGED,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            // Only build output lives here: it is rebuilt from source, so it goes with the stack.
            RemovalPolicy = RemovalPolicy.DESTROY,
            AutoDeleteObjects = true,
        });

        SecurityHeaders = SecurityHeadersPolicy(props.SecurityHeaders);
        Distribution = new Distribution(this, "Distribution", new DistributionProps
        {
            Comment = "RealtimeCalendar",
            DefaultRootObject = "index.html",
            PriceClass = PriceClass.PRICE_CLASS_100,
            HttpVersion = HttpVersion.HTTP2_AND_3,
            WebAclId = props.WebAclArn,
            DefaultBehavior = new BehaviorOptions
            {
                Origin = S3BucketOrigin.WithOriginAccessControl(Bucket),
                ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                CachePolicy = CachePolicy.CACHING_OPTIMIZED,
                Compress = true,
                ResponseHeadersPolicy = SecurityHeaders,
            },
            AdditionalBehaviors = new Dictionary<string, IBehaviorOptions>
            {
                ["/api/*"] = new BehaviorOptions
                {
                    Origin = new HttpOrigin(props.ApiDomainName, new HttpOriginProps { ProtocolPolicy = OriginProtocolPolicy.HTTPS_ONLY }),
                    ViewerProtocolPolicy = ViewerProtocolPolicy.HTTPS_ONLY,
                    AllowedMethods = AllowedMethods.ALLOW_ALL,
                    CachePolicy = CachePolicy.CACHING_DISABLED,
                    // Authorization, If-Match and the query reach the API; Host must stay the API's own for API Gateway.
                    OriginRequestPolicy = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
                },
            },
        });

        // No CloudFront invalidation (it would give the deployment function cloudfront:CreateInvalidation on every
        // distribution): index.html, the service worker and config.json are served with no-cache instead, so a redeploy shows at once,
        // while the content-hashed files Vite emits may stay in caches for a day.
        var entrySources = new List<ISource>();
        if (Directory.Exists(props.ClientDistDirectory))
        {
            Deploy(
                "Assets",
                [Source.Asset(props.ClientDistDirectory, new AssetOptions { Exclude = [EntryDocument, ServiceWorkerScript, ClientConfigDocument.ObjectKey] })],
                CacheControl.FromString("public, max-age=86400"));
            foreach (var entry in new[] { EntryDocument, ServiceWorkerScript })
            {
                var path = Path.Combine(props.ClientDistDirectory, entry);
                if (File.Exists(path))
                    entrySources.Add(Source.Data(entry, File.ReadAllText(path)));
            }
        }
        else
        {
            // Synth and the tests must not need a client build; the site then holds only config.json until the
            // client is built and the stack deployed again.
            Annotations.Of(this).AddWarning(
                $"{props.ClientDistDirectory} does not exist: only config.json is deployed. Build the client first (cd client && npm ci && npm run build).");
        }

        entrySources.Add(Source.JsonData(ClientConfigDocument.ObjectKey, props.ClientConfig));
        Deploy("Entry", [.. entrySources], CacheControl.NoCache());
    }

    public Bucket Bucket { get; }

    /// <summary>The app's security headers (<see cref="SiteSecurityHeaders"/>, the local cloud serves the same).</summary>
    public ResponseHeadersPolicy SecurityHeaders { get; }

    public Distribution Distribution { get; }

    public string Url => $"https://{Distribution.DistributionDomainName}";

    private ResponseHeadersPolicy SecurityHeadersPolicy(SiteSecurityHeaders headers) =>
        new(this, "SecurityHeaders", new ResponseHeadersPolicyProps
        {
            Comment = "RealtimeCalendar browser app: CSP, HSTS, nosniff, no framing, no referrer",
            SecurityHeadersBehavior = new ResponseSecurityHeadersBehavior
            {
                ContentSecurityPolicy = new ResponseHeadersContentSecurityPolicy { ContentSecurityPolicy = headers.ContentSecurityPolicy, Override = true },
                StrictTransportSecurity = new ResponseHeadersStrictTransportSecurity
                {
                    AccessControlMaxAge = Duration.Seconds(SiteSecurityHeaders.StrictTransportSecurityMaxAgeSeconds),
                    IncludeSubdomains = true,
                    Override = true,
                },
                ContentTypeOptions = new ResponseHeadersContentTypeOptions { Override = true },
                FrameOptions = new ResponseHeadersFrameOptions { FrameOption = HeadersFrameOption.DENY, Override = true },
                ReferrerPolicy = new ResponseHeadersReferrerPolicy { ReferrerPolicy = HeadersReferrerPolicy.NO_REFERRER, Override = true },
            },
        });

    // Both deployments write into one bucket, so neither prunes what it did not upload; stale hashed files are harmless.
    private void Deploy(string id, ISource[] sources, CacheControl cacheControl) =>
        _ = new BucketDeployment(this, id + "Deployment", new BucketDeploymentProps
        {
            DestinationBucket = Bucket,
            Sources = sources,
            Prune = false,
            CacheControl = [cacheControl],
            LogGroup = new LogGroup(this, id + "DeploymentLogs", new LogGroupProps
            {
                Retention = RetentionDays.TWO_WEEKS,
                RemovalPolicy = RemovalPolicy.DESTROY,
            }),
        });
}
