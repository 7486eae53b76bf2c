using RealtimeCalendar.Browser.Tests.Fixtures;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Browser.Tests.ClientUnits;

/// <summary>
/// The client's own unit tests (vitest: event store version rules, backoff, Cognito client, problem parsing) run as
/// part of <c>dotnet test</c>, so the one test command covers the TypeScript too.
/// </summary>
public sealed class ClientUnitTests
{
    [Fact]
    public async Task The_client_unit_tests_pass()
    {
        var client = Path.Combine(RepositoryRoot.Find(), "client");
        if (!Directory.Exists(Path.Combine(client, "node_modules")))
            await ToolCommand.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], client, "npm is needed for the client tests.", default);

        // A failing vitest run throws with its output, which names the failing test.
        await ToolCommand.RunAsync("npx", ["vitest", "run", "--reporter=dot"], client, "npx is needed for the client tests.", default);
    }
}
