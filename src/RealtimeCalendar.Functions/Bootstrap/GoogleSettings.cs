namespace RealtimeCalendar.Functions.Bootstrap;

/// <summary>
/// Google sync's part of the environment. The client secret comes either from an SSM SecureString
/// (<c>GOOGLE_CLIENT_SECRET_PARAMETER</c>, the cloud) or directly (<c>GOOGLE_CLIENT_SECRET</c>, the local cloud).
/// Refresh tokens go to SSM under <see cref="TokenParameterPrefix"/>, or, when <see cref="TokenDirectory"/> is set,
/// to AES-GCM files there (the local cloud's data folder).
/// </summary>
public sealed record GoogleSettings
{
    public const string ClientIdVariable = "GOOGLE_CLIENT_ID";
    public const string ClientSecretVariable = "GOOGLE_CLIENT_SECRET";
    public const string ClientSecretParameterVariable = "GOOGLE_CLIENT_SECRET_PARAMETER";
    public const string RedirectUriVariable = "GOOGLE_REDIRECT_URI";
    public const string WebhookUriVariable = "GOOGLE_WEBHOOK_URI";
    public const string TokenParameterPrefixVariable = "GOOGLE_TOKEN_PARAMETER_PREFIX";
    public const string TokenDirectoryVariable = "GOOGLE_TOKEN_DIRECTORY";
    public const string AuthorizationEndpointVariable = "GOOGLE_AUTHORIZATION_ENDPOINT";
    public const string TokenEndpointVariable = "GOOGLE_TOKEN_ENDPOINT";
    public const string CalendarBaseUriVariable = "GOOGLE_CALENDAR_BASE_URI";

    /// <summary>Every refresh token parameter lives below this path, which is all the function's IAM policy allows.</summary>
    public const string DefaultTokenParameterPrefix = "/realtimecalendar/google/tokens";

    public required string ClientId { get; init; }

    /// <summary>Local only; never printed: <see cref="PrintMembers"/> leaves it out of <c>ToString</c>.</summary>
    public string? ClientSecret { get; init; }

    public string? ClientSecretParameter { get; init; }

    /// <summary>The callback URL registered with the Google OAuth client (<c>…/api/google/callback</c>).</summary>
    public Uri? RedirectUri { get; init; }

    /// <summary>The public HTTPS URL of <c>POST /api/google/webhook</c>; without it there is no push from Google.</summary>
    public Uri? WebhookUri { get; init; }

    public string TokenParameterPrefix { get; init; } = DefaultTokenParameterPrefix;

    public string? TokenDirectory { get; init; }

    public Uri? AuthorizationEndpoint { get; init; }

    public Uri? TokenEndpoint { get; init; }

    public Uri? CalendarBaseUri { get; init; }

    public static GoogleSettings? FromVariables(Func<string, string?> get) =>
        get(ClientIdVariable) is not { } clientId
            ? null
            : new GoogleSettings
            {
                ClientId = clientId,
                ClientSecret = get(ClientSecretVariable),
                ClientSecretParameter = get(ClientSecretParameterVariable),
                RedirectUri = Absolute(get(RedirectUriVariable)),
                WebhookUri = Absolute(get(WebhookUriVariable)),
                TokenParameterPrefix = get(TokenParameterPrefixVariable) ?? DefaultTokenParameterPrefix,
                TokenDirectory = get(TokenDirectoryVariable),
                AuthorizationEndpoint = Absolute(get(AuthorizationEndpointVariable)),
                TokenEndpoint = Absolute(get(TokenEndpointVariable)),
                CalendarBaseUri = Absolute(get(CalendarBaseUriVariable)),
            };

    public void AddVariables(IDictionary<string, string> variables)
    {
        void Add(string name, object? value)
        {
            if (value?.ToString() is { Length: > 0 } text)
                variables[name] = text;
        }

        Add(ClientIdVariable, ClientId);
        Add(ClientSecretVariable, ClientSecret);
        Add(ClientSecretParameterVariable, ClientSecretParameter);
        Add(RedirectUriVariable, RedirectUri);
        Add(WebhookUriVariable, WebhookUri);
        Add(TokenParameterPrefixVariable, TokenParameterPrefix);
        Add(TokenDirectoryVariable, TokenDirectory);
        Add(AuthorizationEndpointVariable, AuthorizationEndpoint);
        Add(TokenEndpointVariable, TokenEndpoint);
        Add(CalendarBaseUriVariable, CalendarBaseUri);
    }

    private static Uri? Absolute(string? value) => value is null ? null : new Uri(value, UriKind.Absolute);

    // Records print every property in ToString; settings end up in logs sooner or later, so the secret is only "set".
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("ClientId = ").Append(ClientId)
            .Append(", ClientSecret = ").Append(ClientSecret is null ? "(none)" : "(set)")
            .Append(", ClientSecretParameter = ").Append(ClientSecretParameter)
            .Append(", RedirectUri = ").Append(RedirectUri)
            .Append(", WebhookUri = ").Append(WebhookUri)
            .Append(", TokenParameterPrefix = ").Append(TokenParameterPrefix)
            .Append(", TokenDirectory = ").Append(TokenDirectory)
            .Append(", AuthorizationEndpoint = ").Append(AuthorizationEndpoint)
            .Append(", TokenEndpoint = ").Append(TokenEndpoint)
            .Append(", CalendarBaseUri = ").Append(CalendarBaseUri);
        return true;
    }
}
