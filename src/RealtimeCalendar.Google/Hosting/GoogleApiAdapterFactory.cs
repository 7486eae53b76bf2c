using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google.Auth;

namespace RealtimeCalendar.Google.Hosting;

/// <summary>
/// Builds the Google.Apis adapters from the OAuth client's credentials, for the hosts that can carry Google.Apis: the
/// JIT <c>google-bootstrap</c> in the cloud and the local cloud.
/// </summary>
public static class GoogleApiAdapterFactory
{
    public static Func<GoogleApiCredentials, GoogleApiAdapters> Create(ILoggerFactory loggerFactory, TimeProvider time) => credentials =>
    {
        var defaults = new GoogleApiOptions { ClientId = credentials.ClientId, ClientSecret = credentials.ClientSecret };
        var options = defaults with
        {
            AuthorizationEndpoint = credentials.AuthorizationEndpoint ?? defaults.AuthorizationEndpoint,
            TokenEndpoint = credentials.TokenEndpoint ?? defaults.TokenEndpoint,
            CalendarBaseUri = credentials.CalendarBaseUri ?? defaults.CalendarBaseUri,
        };
        // Lives as long as the host's function services, which are built once per process.
        var authorization = new GoogleAuthorizationFlow(options, time);
        return new GoogleApiAdapters(new GoogleCalendarClientFactory(options, authorization, loggerFactory), authorization);
    };
}
