using System.Net.Http.Headers;
using System.Security.Cryptography;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.Fixtures;

/// <summary>A real user of the local Cognito pool, signed in; <see cref="UserId"/> is the token's <c>sub</c>.</summary>
public sealed record TestUser(string UserId, string Email, string Password, string AccessToken, Uri BaseUrl)
{
    /// <summary>Signs a brand-new user up in the cloud's pool and signs them in, so every test has a calendar of its own.</summary>
    public static async Task<TestUser> CreateAsync(LocalCloud cloud)
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var password = "Pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + "-a1";
        var userId = await cloud.Cognito.CreateConfirmedUserAsync(cloud.UserPool.UserPoolId, cloud.UserPool.ClientId, email, password, CancellationToken.None);
        var tokens = await cloud.SignInAsync(email, password, CancellationToken.None);
        return new TestUser(userId, email, password, tokens.AccessToken, cloud.BaseUrl);
    }

    /// <summary>An HTTP client that calls the API as this user, the way the browser does.</summary>
    public HttpClient CreateClient()
    {
        var http = new HttpClient { BaseAddress = BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return http;
    }
}
