using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Core.Secrets;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.Limits;

/// <summary>
/// A local cloud whose per-user caps are low enough for tests to reach (sockets, tickets) and whose event cap is high
/// enough for a week that no single 6 MB answer could carry.
/// </summary>
public sealed class LimitsCloudFixture : IAsyncLifetime
{
    public const int SocketsPerUser = 3;
    public const int TicketsPerMinute = 4;

    public LocalCloud Cloud { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = TestCloudOptions.InMemory with
        {
            SocketsPerUser = SocketsPerUser,
            TicketsPerUserPerMinute = TicketsPerMinute,
        };
        Cloud = await LocalCloud.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
    }

    public Task<TestUser> CreateUserAsync() => TestUser.CreateAsync(Cloud);

    public async Task DisposeAsync()
    {
        if (Cloud is not null)
            await Cloud.DisposeAsync();
    }
}
