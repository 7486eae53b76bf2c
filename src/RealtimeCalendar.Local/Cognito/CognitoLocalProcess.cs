using System.Diagnostics;
using System.Globalization;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Local.Cognito;

/// <summary>
/// cognito-local as a supervised child process: a Cognito user-pool API on a loopback port, keeping its pools and
/// users in <c>.cognito/</c> under the given folder.
/// </summary>
public sealed class CognitoLocalProcess : IAsyncDisposable
{
    private readonly ChildProcess child;

    private CognitoLocalProcess(ChildProcess child, int port)
    {
        this.child = child;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Its API endpoint; cognito-local writes this host and port into every token's <c>iss</c>.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public static async Task<CognitoLocalProcess> StartAsync(string entryPoint, string dataDirectory, int port, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo("node") { WorkingDirectory = dataDirectory };
        start.ArgumentList.Add(entryPoint);
        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        // Loopback only: the emulator has no real authentication and must not be reachable from the network.
        start.Environment["HOST"] = "127.0.0.1";
        start.Environment["DEBUG"] = string.Empty;

        var child = await ChildProcess.StartAsync(
            start, "cognito-local", port, ChildProcess.StartTimeout, "'node' was not found on PATH; Node 20+ is needed for cognito-local.", logger, cancellationToken);
        var instance = new CognitoLocalProcess(child, port);
        logger.LogInformation("cognito-local listening on {Endpoint}", instance.Endpoint);
        return instance;
    }

    public ValueTask DisposeAsync() => child.DisposeAsync();
}
