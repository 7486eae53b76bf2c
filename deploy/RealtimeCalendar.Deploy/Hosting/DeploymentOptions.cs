using Constructs;
using RealtimeCalendar.Functions.Bootstrap;

namespace RealtimeCalendar.Deploy.Hosting;

/// <summary>
/// What varies between deployments. <see cref="FromContext"/> reads the CDK context (<c>-c waf=true</c>,
/// <c>-c alarmEmail=me@example.com</c>); everything else comes from the product's own definitions.
/// </summary>
public sealed record DeploymentOptions
{
    /// <summary>The repository root: the Docker build context of the one Lambda image.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>The built browser client (<c>client/dist</c>); the site deploys only <c>config.json</c> while it is missing.</summary>
    public required string ClientDistDirectory { get; init; }

    /// <summary>The functions to deploy: the bootstrap's catalog, so a function added there is deployed without editing the stack.</summary>
    public IReadOnlyList<string> Functions { get; init; } = FunctionCatalog.Names;

    /// <summary>Adds a CloudFront web ACL (AWS managed common rules + per-IP rate limit). Off by default: it would be most of the bill.</summary>
    public bool EnableWaf { get; init; }

    /// <summary>Where alarm notifications go (an SNS e-mail subscription); no topic when unset.</summary>
    public string? AlarmEmail { get; init; }

    /// <summary>
    /// Google sync's public settings (<c>-c googleClientId=… -c googleRedirectUri=https://…/api/google/callback</c>, and
    /// optionally <c>-c googleWebhookUri=…</c>), given to the Google functions only; without a client id they answer 503.
    /// </summary>
    public IReadOnlyDictionary<string, string> GoogleVariables { get; init; } = new Dictionary<string, string>();

    public static DeploymentOptions FromContext(Node node, string repositoryRoot) => new()
    {
        RepositoryRoot = repositoryRoot,
        ClientDistDirectory = node.TryGetContext("clientDist") as string is { Length: > 0 } dist
            ? Path.GetFullPath(dist, repositoryRoot)
            : RepositoryLayout.ClientDist(repositoryRoot),
        EnableWaf = IsTrue(node.TryGetContext("waf")),
        AlarmEmail = node.TryGetContext("alarmEmail") as string is { Length: > 0 } email ? email : null,
        GoogleVariables = new (string Context, string Variable)[]
            {
                ("googleClientId", GoogleSettings.ClientIdVariable),
                ("googleRedirectUri", GoogleSettings.RedirectUriVariable),
                ("googleWebhookUri", GoogleSettings.WebhookUriVariable),
            }
            .Where(setting => node.TryGetContext(setting.Context) is string { Length: > 0 })
            .ToDictionary(setting => setting.Variable, setting => (string)node.TryGetContext(setting.Context), StringComparer.Ordinal),
    };

    // Context from `-c waf=true` arrives as a string, from cdk.json as a JSON boolean.
    private static bool IsTrue(object? value) => value switch
    {
        bool flag => flag,
        string text => bool.TryParse(text, out var flag) && flag,
        _ => false,
    };
}
