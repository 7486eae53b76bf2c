using Constructs;
using RealtimeCalendar.Core.Push;
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

    /// <summary>
    /// Web Push (<c>-c vapidPublicKey=… -c vapidSubject=mailto:you@example.com</c>): the public key goes to every browser in
    /// config.json and to the functions; the private key is the SSM SecureString only the sending function reads. Null
    /// (no Web Push, subscribing answers 503) without both.
    /// </summary>
    public WebPushSettings? WebPush { get; init; }

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
        WebPush = WebPushFrom(node.TryGetContext("vapidPublicKey") as string, node.TryGetContext("vapidSubject") as string),
    };

    /// <summary>Both values or neither; a public key that is not a P-256 point or a subject that is not a contact stops synthesis.</summary>
    public static WebPushSettings? WebPushFrom(string? publicKey, string? subject)
    {
        if (string.IsNullOrEmpty(publicKey) && string.IsNullOrEmpty(subject))
            return null;
        if (string.IsNullOrEmpty(publicKey) || string.IsNullOrEmpty(subject))
            throw new ArgumentException("Web Push needs both -c vapidPublicKey=… and -c vapidSubject=mailto:… (deploy/README.md, 'Web Push keys').");
        if (PushSubscriptionValidator.PublicKeyProblem(publicKey) is { } problem)
            throw new ArgumentException($"-c vapidPublicKey: {problem}");
        if (!subject.StartsWith("mailto:", StringComparison.Ordinal) && !subject.StartsWith("https://", StringComparison.Ordinal))
            throw new ArgumentException("-c vapidSubject must be a mailto: or https: contact (RFC 8292 section 2.1).");
        return new WebPushSettings { PublicKey = publicKey, Subject = subject };
    }

    // Context from `-c waf=true` arrives as a string, from cdk.json as a JSON boolean.
    private static bool IsTrue(object? value) => value switch
    {
        bool flag => flag,
        string text => bool.TryParse(text, out var flag) && flag,
        _ => false,
    };
}
