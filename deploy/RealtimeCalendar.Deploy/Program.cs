using Amazon.CDK;
using RealtimeCalendar.Deploy;
using RealtimeCalendar.Deploy.Hosting;

// `cdk synth|deploy` (run from deploy/) starts this: one stack, described only by the product's own definitions.
var app = new App();
var repositoryRoot = RepositoryLayout.FindRoot(Directory.GetCurrentDirectory());
var options = DeploymentOptions.FromContext(app.Node, repositoryRoot);
_ = new RealtimeCalendarStack(app, "RealtimeCalendar", new StackProps
{
    Description = "RealtimeCalendar: live personal calendar (CloudFront + S3, HTTP and WebSocket APIs, Lambda, DynamoDB, Cognito)",
    // Env-agnostic unless the CLI knows the account and region (it does on `cdk deploy` with credentials).
    Env = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION") is { Length: > 0 } region
        ? new Amazon.CDK.Environment { Account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"), Region = region }
        : null,
}, options);
app.Synth();
