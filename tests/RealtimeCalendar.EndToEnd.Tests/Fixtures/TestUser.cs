using System.Net.Http.Headers;

namespace RealtimeCalendar.EndToEnd.Tests.Fixtures;

/// <summary>A real user of the local Cognito pool, signed in; <see cref="UserId"/> is the token's <c>sub</c>.</summary>
public sealed record TestUser(string UserId, string Email, string Password, string AccessToken, Uri BaseUrl)
{
    /// <summary>An HTTP client that calls the API as this user, the way the browser does.</summary>
    public HttpClient CreateClient()
    {
        var http = new HttpClient { BaseAddress = BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return http;
    }
}
