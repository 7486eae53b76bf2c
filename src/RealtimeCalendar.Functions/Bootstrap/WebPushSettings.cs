namespace RealtimeCalendar.Functions.Bootstrap;

/// <summary>
/// Web Push's part of the environment; null (and the subscribe route answers 503) while <c>VAPID_PUBLIC_KEY</c> is unset.
/// The public key is public: <c>config.json</c> hands it to browsers as <c>applicationServerKey</c>, and the
/// push-subscriptions function needs nothing else. The private key is only ever a pointer: an SSM SecureString's
/// name (<c>VAPID_PRIVATE_KEY_PARAMETER</c>, the cloud, set only on the function that sends) or a file the local
/// cloud created in its data folder (<c>VAPID_PRIVATE_KEY_FILE</c>).
/// </summary>
public sealed record WebPushSettings
{
    public const string PublicKeyVariable = "VAPID_PUBLIC_KEY";
    public const string SubjectVariable = "VAPID_SUBJECT";
    public const string PrivateKeyParameterVariable = "VAPID_PRIVATE_KEY_PARAMETER";
    public const string PrivateKeyFileVariable = "VAPID_PRIVATE_KEY_FILE";

    /// <summary>The uncompressed P-256 point, base64url: what browsers subscribe with.</summary>
    public required string PublicKey { get; init; }

    /// <summary>The VAPID <c>sub</c> (RFC 8292 section 2.1), a <c>mailto:</c> or https contact for this deployment's operator.</summary>
    public required string Subject { get; init; }

    public string? PrivateKeyParameter { get; init; }

    public string? PrivateKeyFile { get; init; }

    public static WebPushSettings? FromVariables(Func<string, string?> get) =>
        get(PublicKeyVariable) is not { } publicKey
            ? null
            : new WebPushSettings
            {
                PublicKey = publicKey,
                Subject = get(SubjectVariable) ?? throw new InvalidOperationException($"{SubjectVariable} must be set with {PublicKeyVariable} (a mailto: contact, RFC 8292)."),
                PrivateKeyParameter = get(PrivateKeyParameterVariable),
                PrivateKeyFile = get(PrivateKeyFileVariable),
            };

    public void AddVariables(IDictionary<string, string> variables)
    {
        variables[PublicKeyVariable] = PublicKey;
        variables[SubjectVariable] = Subject;
        if (PrivateKeyParameter is not null)
            variables[PrivateKeyParameterVariable] = PrivateKeyParameter;
        if (PrivateKeyFile is not null)
            variables[PrivateKeyFileVariable] = PrivateKeyFile;
    }
}
