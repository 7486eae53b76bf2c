using RealtimeCalendar.Core.Secrets;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.Fixtures;

/// <summary>
/// What every test fixture's local cloud shares: in memory, on free ports, the repository's tool cache (shared with dev
/// runs), APIs only (the browser tests serve the client), and no chat key whatever the developer's environment holds.
/// Fixtures change what they test with <c>with { … }</c>.
/// </summary>
internal static class TestCloudOptions
{
    public static LocalCloudOptions InMemory { get; } = new()
    {
        Port = 0,
        InMemory = true,
        DataDirectory = Path.Combine(Path.GetTempPath(), "rc-e2e-unused"),
        ToolCacheDirectory = Path.Combine(LocalCloudCommandLine.DefaultDataDirectory(), "tools"),
        ServeClient = false,
        ChatApiKey = new FixedSecret(null),
    };
}
