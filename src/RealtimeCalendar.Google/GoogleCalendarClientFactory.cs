using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Http;
using Google.Apis.Services;
using Google.Apis.Util;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google.Api;
using RealtimeCalendar.Google.Auth;
using RealtimeCalendar.Google.Wire;

namespace RealtimeCalendar.Google;

/// <summary>
/// Builds a Calendar v3 client per user: a <see cref="UserCredential"/> over the refresh token (it fetches an access
/// token on first use and refreshes it on a 401), and a back-off handler that retries 429 and 5xx answers, honouring
/// Retry-After.
/// </summary>
public sealed class GoogleCalendarClientFactory(
    GoogleApiOptions options, GoogleAuthorizationFlow authorization, ILoggerFactory loggerFactory) : IGoogleCalendarClientFactory
{
    public IGoogleCalendarClient Create(string refreshToken)
    {
        var credential = new UserCredential(authorization.Flow, "user", new TokenResponse { RefreshToken = refreshToken });
        var service = new CalendarV3Service(new BaseClientService.Initializer
        {
            HttpClientInitializer = new RetryingCredentialInitializer(credential, options),
            Serializer = GoogleJsonSerializer.Instance,
            BaseUri = options.CalendarBaseUri.ToString(),
            ApplicationName = "RealtimeCalendar",
            // Our own back-off below covers 429 as well as 5xx.
            DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
            // Bodies are a few hundred bytes; plain JSON keeps them readable in logs and for stand-in servers.
            GZipEnabled = false,
        });
        return new GoogleCalendarClient(service, options, loggerFactory.CreateLogger<GoogleCalendarClient>());
    }

    private sealed class RetryingCredentialInitializer(UserCredential credential, GoogleApiOptions options) : IConfigurableHttpClientInitializer
    {
        public void Initialize(ConfigurableHttpClient httpClient)
        {
            credential.Initialize(httpClient);
            var backOff = new BackOffHandler(new BackOffHandler.Initializer(new DoublingBackOff(options.RetryInitialDelay, options.MaxRetries))
            {
                HandleUnsuccessfulResponseFunc = response => (int)response.StatusCode is 429 or >= 500,
                RespectRetryAfterHeader = true,
            });
            httpClient.MessageHandler.AddUnsuccessfulResponseHandler(backOff);
            httpClient.MessageHandler.AddExceptionHandler(backOff);
            // One try per back-off retry, plus one for a token refresh after a 401.
            httpClient.MessageHandler.NumTries = options.MaxRetries + 2;
        }
    }
}
