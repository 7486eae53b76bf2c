using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Core.Secrets;
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
        var options = TestCloudOptions.InMemory with
        {
            MaxEventsPerUser = MaxEventsPerUser,
            // Fault tests lose sockets seconds after opening them; the handshake grace is covered by Core's tests.
            ConnectionHandshakeGrace = TimeSpan.Zero,
        };
        Cloud = await LocalCloud.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
    }

    /// <summary>Signs a brand-new user up in the local pool and signs them in, so every test has a calendar of its own.</summary>
    public Task<TestUser> CreateUserAsync() => TestUser.CreateAsync(Cloud);

    public HttpClient CreateAnonymousClient() => new() { BaseAddress = Cloud.BaseUrl };

    public async Task DisposeAsync()
    {
        if (Cloud is not null)
            await Cloud.DisposeAsync();
    }
}
