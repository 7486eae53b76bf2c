using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Browser.Tests.Fixtures;
using RealtimeCalendar.Local.Client;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Browser.Tests.ClientUnits;

/// <summary>
/// The client's own unit tests (vitest: event store version rules, backoff, Cognito client, problem parsing) run as
/// part of <c>dotnet test</c>, so the one test command covers the TypeScript too. In the browser collection, so it
/// never runs while the local cloud is reinstalling client/node_modules.
/// </summary>
[Collection(BrowserCloudCollection.Name)]
public sealed class ClientUnitTests
{
    [Fact]
    public async Task The_client_unit_tests_pass()
    {
        var client = Path.Combine(RepositoryRoot.Find(), "client");
        // Installs the client's packages from its lock when they are missing or stale, as the local cloud does.
        await new ClientBuild(client, NullLogger<ClientBuild>.Instance).EnsureBuiltAsync(default);

        // A failing vitest run throws with its output, which names the failing test.
        await ToolCommand.RunAsync("npx", ["vitest", "run", "--reporter=dot"], client, "npx is needed for the client tests.", default);
    }
}
