namespace RealtimeCalendar.Google;

/// <summary>
/// Google OAuth client and endpoints. The endpoints default to Google's; tests and a local stand-in point them at
/// their own server.
/// </summary>
public sealed record GoogleApiOptions
{
    public const string CalendarScope = "https://www.googleapis.com/auth/calendar.events";

    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    public Uri AuthorizationEndpoint { get; init; } = new("https://accounts.google.com/o/oauth2/v2/auth");

    public Uri TokenEndpoint { get; init; } = new("https://oauth2.googleapis.com/token");

    /// <summary>The Calendar v3 base, ending in a slash.</summary>
    public Uri CalendarBaseUri { get; init; } = new(Api.CalendarV3Service.DefaultBaseUri);

    public string CalendarId { get; init; } = "primary";

    /// <summary>First back-off delay for 429 and 5xx answers; it doubles (with jitter) per retry.</summary>
    public TimeSpan RetryInitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Retries after the first attempt for 429 and 5xx answers.</summary>
    public int MaxRetries { get; init; } = 4;

    public int PageSize { get; init; } = 250;
}
