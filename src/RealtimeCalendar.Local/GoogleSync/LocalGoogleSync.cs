using Microsoft.Extensions.Logging;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Functions.GoogleSync;
using RealtimeCalendar.Google;
using RealtimeCalendar.Google.Auth;

namespace RealtimeCalendar.Local.GoogleSync;

/// <summary>
/// Google sync in the local cloud: configured from this process's own <c>GOOGLE_*</c> variables (the same names the
/// functions read), refresh tokens in AES-GCM files in the local data folder, and the Google.Apis client, which
/// in-process functions can use (the AOT bootstrap cannot, see docs/google-aot.md).
/// </summary>
public static class LocalGoogleSync
{
    /// <summary>
    /// <paramref name="configured"/>, else the environment's; null unless a client id is set. The callback defaults to
    /// this local cloud's own URL and tokens to its data folder.
    /// </summary>
    public static GoogleSettings? Resolve(GoogleSettings? configured, Uri baseUrl, string stateDirectory) =>
        (configured ?? GoogleSettings.FromVariables(name => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null)) is { } google
            ? google with
            {
                RedirectUri = google.RedirectUri ?? new Uri(baseUrl, "/api/google/callback"),
                TokenDirectory = google.TokenDirectory ?? Path.Combine(stateDirectory, "google"),
            }
            : null;

    public static Func<GoogleApiCredentials, GoogleApiAdapters> Adapters(ILoggerFactory loggerFactory) => credentials =>
    {
        var defaults = new GoogleApiOptions { ClientId = credentials.ClientId, ClientSecret = credentials.ClientSecret };
        var options = defaults with
        {
            AuthorizationEndpoint = credentials.AuthorizationEndpoint ?? defaults.AuthorizationEndpoint,
            TokenEndpoint = credentials.TokenEndpoint ?? defaults.TokenEndpoint,
            CalendarBaseUri = credentials.CalendarBaseUri ?? defaults.CalendarBaseUri,
        };
        // Lives as long as the local cloud's function services, which are built once per run.
        var authorization = new GoogleAuthorizationFlow(options, TimeProvider.System);
        return new GoogleApiAdapters(new GoogleCalendarClientFactory(options, authorization, loggerFactory), authorization);
    };
}
