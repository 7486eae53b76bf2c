using Amazon.CDK;
using Amazon.CDK.AWS.Ecr.Assets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using RealtimeCalendar.Deploy.Hosting;
using RealtimeCalendar.Deploy.Secrets;
using RealtimeCalendar.Deploy.Storage;

namespace RealtimeCalendar.Deploy.Functions;

/// <summary>
/// One Lambda function per name in the catalog, all from the same container image (<c>Dockerfile.lambda</c>) whose
/// CMD names the handler. Each gets its own role holding only what its <see cref="FunctionProfile"/> lists, and its
/// own log group with a retention.
/// </summary>
public sealed class BootstrapFunctions : Construct
{
    public static readonly RetentionDays LogRetention = RetentionDays.TWO_WEEKS;

    private readonly Dictionary<string, DockerImageFunction> functions = new(StringComparer.Ordinal);

    public BootstrapFunctions(
        Construct scope,
        string id,
        DeploymentOptions options,
        DynamoDbTables tables,
        IReadOnlyDictionary<string, string> environment)
        : base(scope, id)
    {
        foreach (var name in options.Functions)
        {
            var profile = FunctionProfiles.For(name);
            functions[name] = Create(profile, options, tables, environment);
        }
    }

    public IReadOnlyDictionary<string, DockerImageFunction> ByName => functions;

    public DockerImageFunction this[string name] =>
        functions.TryGetValue(name, out var function)
            ? function
            : throw new InvalidOperationException($"Function '{name}' is referenced by a route or trigger but not deployed (not in the catalog).");

    public bool Contains(string name) => functions.ContainsKey(name);

    private DockerImageFunction Create(
        FunctionProfile profile, DeploymentOptions options, DynamoDbTables tables, IReadOnlyDictionary<string, string> environment)
    {
        var id = ConstructNames.Pascal(profile.Name);

        // An explicit role, so the function does not get AWSLambdaBasicExecutionRole (logs:* on every log group).
        var role = new Role(this, id + "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"RealtimeCalendar {profile.Name}: only its own log group, tables and secrets",
        });

        var logGroup = new LogGroup(this, id + "Logs", new LogGroupProps
        {
            Retention = LogRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        logGroup.GrantWrite(role);

        var variables = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        foreach (var secret in profile.Secrets)
            variables[secret.EnvironmentVariable] = secret.Name;
        if (profile.Secrets.Contains(SecretParameters.GoogleClientSecret))
        {
            foreach (var (name, value) in options.GoogleVariables)
                variables[name] = value;
        }

        var function = new DockerImageFunction(this, id, new DockerImageFunctionProps
        {
            Description = $"RealtimeCalendar {profile.Name}",
            Code = DockerImageCode.FromImageAsset(options.RepositoryRoot, new AssetImageCodeProps
            {
                File = RepositoryLayout.LambdaDockerfile,
                // The base image's entrypoint takes the handler name as its one argument and exports it as _HANDLER.
                Cmd = [profile.Name],
                Entrypoint = profile.EntryPoint is { } entryPoint ? [.. entryPoint] : null,
                Platform = Platform_.LINUX_ARM64,
                Exclude = [.. ImageBuildContext.Exclusions],
                IgnoreMode = IgnoreMode.DOCKER,
            }),
            Architecture = Architecture.ARM_64,
            MemorySize = profile.MemoryMb,
            Timeout = Duration.Seconds(profile.Timeout.TotalSeconds),
            Environment = variables,
            Role = role,
            LogGroup = logGroup,
        });

        foreach (var grant in profile.Tables)
            role.AddToPrincipalPolicy(TableStatement(tables, grant));

        foreach (var secret in profile.Secrets)
            GrantRead(role, secret);

        if (profile.OwnedParameterPath is { } path)
            GrantOwnedParameters(role, path);

        if (profile.ReadParameterPath is { } readPath)
            GrantPathRead(role, readPath);

        return function;
    }

    /// <summary>
    /// The actions of one grant on exactly the resources they need: one index for an index grant; the table alone for a
    /// Query-only grant without one (a query of the table's own keys); the table and its indexes for the read levels,
    /// which query both; else the table alone (item actions never apply to an index).
    /// </summary>
    private static PolicyStatement TableStatement(DynamoDbTables tables, TableGrant grant)
    {
        var table = tables[grant.Table];
        var actions = TableAccessActions.For(grant.Access);
        if (grant.Index is { } index && !grant.Table.Indexes.Any(i => i.Name == index))
            throw new InvalidOperationException($"Table '{grant.Table.LogicalName}' has no index '{index}'.");
        string[] resources = grant.Index is { } name
            ? [$"{table.TableArn}/index/{name}"]
            : grant.Access != TableAccess.Query && actions.Contains("dynamodb:Query") && grant.Table.Indexes.Count > 0
                ? [table.TableArn, $"{table.TableArn}/index/*"]
                : [table.TableArn];
        return new PolicyStatement(new PolicyStatementProps { Actions = [.. actions], Resources = resources });
    }

    /// <summary>Create, read and delete SecureStrings below one path, encrypting them with the AWS managed key aws/ssm only.</summary>
    private void GrantOwnedParameters(Role role, string path)
    {
        role.AddToPrincipalPolicy(ParameterStatement(["ssm:PutParameter", "ssm:GetParameter", "ssm:DeleteParameter"], path.Trim('/') + "/*"));
        role.AddToPrincipalPolicy(ManagedSsmKeyStatement("kms:Encrypt"));
    }

    /// <summary>Read (never write) the SecureStrings below one path; decrypting them is granted with the function's secrets.</summary>
    private void GrantPathRead(Role role, string path) =>
        role.AddToPrincipalPolicy(ParameterStatement(["ssm:GetParameter"], path.Trim('/') + "/*"));

    private void GrantRead(Role role, SecretParameter secret)
    {
        role.AddToPrincipalPolicy(ParameterStatement(["ssm:GetParameter"], secret.ArnResourceName));
        role.AddToPrincipalPolicy(ManagedSsmKeyStatement("kms:Decrypt"));
    }

    private PolicyStatement ParameterStatement(string[] actions, string resourceName) => new(new PolicyStatementProps
    {
        Actions = actions,
        Resources =
        [
            Stack.Of(this).FormatArn(new ArnComponents
            {
                Service = "ssm",
                Resource = "parameter",
                ResourceName = resourceName,
                ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
            }),
        ],
    });

    // SecureStrings are encrypted with the AWS managed key aws/ssm, whose id differs per account and region: the
    // resource is any key, narrowed by the conditions to that alias and to calls SSM makes on the function's behalf.
    private PolicyStatement ManagedSsmKeyStatement(string action)
    {
        var stack = Stack.Of(this);
        return new PolicyStatement(new PolicyStatementProps
        {
            Actions = [action],
            Resources = [stack.FormatArn(new ArnComponents { Service = "kms", Resource = "key", ResourceName = "*" })],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"ssm.{stack.Region}.{stack.UrlSuffix}" },
                ["ForAnyValue:StringEquals"] = new Dictionary<string, object> { ["kms:ResourceAliases"] = "alias/aws/ssm" },
            },
        });
    }
}
