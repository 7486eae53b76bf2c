using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Browser.Tests.Fixtures;
using RealtimeCalendar.Local.Client;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Browser.Tests.ClientUnits;

/// <summary>
/// The client's own checks (vitest: event store version rules, recurrence rules, backoff, Cognito client, problem
/// parsing; ESLint with type-aware rules) run as part of <c>dotnet test</c>, so the one test command covers the
/// TypeScript too. In the browser collection, so they never run while the local cloud is reinstalling client/node_modules.
/// </summary>
[Collection(BrowserCloudCollection.Name)]
public sealed class ClientUnitTests
{
    [Fact]
    public async Task The_client_unit_tests_pass()
    {
        var client = await InstalledClientAsync();

        // A failing vitest run throws with its output, which names the failing test.
        await ToolCommand.RunAsync("npx", ["vitest", "run", "--reporter=dot"], client, "npx is needed for the client tests.", default);
    }

    [Fact]
    public async Task The_client_passes_lint()
    {
        var client = await InstalledClientAsync();

        // ESLint exits non-zero on any error; its output (file, line, rule) becomes the failure message.
        await ToolCommand.RunAsync("npm", ["run", "lint", "--silent"], client, "npm is needed for the client's lint.", default);
    }

    /// <summary>The client folder with its packages installed from its lock when they are missing or stale, as the local cloud does.</summary>
    private static async Task<string> InstalledClientAsync()
    {
        var client = Path.Combine(RepositoryRoot.Find(), "client");
        await new ClientBuild(client, NullLogger<ClientBuild>.Instance).EnsureBuiltAsync(default);
        return client;
    }
}
