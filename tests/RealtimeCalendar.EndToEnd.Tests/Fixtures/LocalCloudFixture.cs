using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.Fixtures;

/// <summary>
/// The real local cloud (DynamoDB Local and cognito-local child processes, tables, user pool, the API Gateway
/// emulation, the stream trigger, the functions) started once for the test run, in memory, on a free port.
/// The downloaded stand-ins are shared with dev runs through the repository's tool cache.
/// </summary>
public sealed class LocalCloudFixture : IAsyncLifetime
{
    public const int MaxEventsPerUser = 40;

    public LocalCloud Cloud { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new LocalCloudOptions
        {
            Port = 0,
            InMemory = true,
            DataDirectory = Path.Combine(Path.GetTempPath(), "rc-e2e-unused"),
            ToolCacheDirectory = Path.Combine(LocalCloudCommandLine.DefaultDataDirectory(), "tools"),
            MaxEventsPerUser = MaxEventsPerUser,
            // The browser tests build and serve the client; these tests talk to the APIs only.
            ServeClient = false,
        };
        Cloud = await LocalCloud.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
    }

    /// <summary>Signs a brand-new user up in the local pool and signs them in, so every test has a calendar of its own.</summary>
    public Task<TestUser> CreateUserAsync() => CreateUserAsync(Cloud);

    /// <summary>The same for any local cloud (a fixture of its own, such as the Google one).</summary>
    public static async Task<TestUser> CreateUserAsync(LocalCloud cloud)
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var password = "Pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + "-a1";
        var userId = await cloud.Cognito.CreateConfirmedUserAsync(cloud.UserPool.UserPoolId, cloud.UserPool.ClientId, email, password, CancellationToken.None);
        var tokens = await cloud.SignInAsync(email, password, CancellationToken.None);
        return new TestUser(userId, email, password, tokens.AccessToken, cloud.BaseUrl);
    }

    public HttpClient CreateAnonymousClient() => new() { BaseAddress = Cloud.BaseUrl };

    public async Task DisposeAsync()
    {
        if (Cloud is not null)
            await Cloud.DisposeAsync();
    }
}
