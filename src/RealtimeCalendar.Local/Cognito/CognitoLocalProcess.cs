using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Local.Cognito;

/// <summary>
/// cognito-local as a supervised child process: a Cognito user-pool API on a local port, keeping its pools and
/// users in <c>.cognito/</c> under the given folder; killed with the host on dispose.
/// </summary>
public sealed class CognitoLocalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ILogger logger;

    private CognitoLocalProcess(Process process, int port, ILogger logger)
    {
        this.process = process;
        this.logger = logger;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Its API endpoint; cognito-local writes this host and port into every token's <c>iss</c>.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public static async Task<CognitoLocalProcess> StartAsync(string entryPoint, string dataDirectory, int port, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(entryPoint);
        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        // Loopback only: the emulator has no real authentication and must not be reachable from the network.
        start.Environment["HOST"] = "127.0.0.1";
        start.Environment["DEBUG"] = string.Empty;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new LocalToolException("Could not start cognito-local.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new LocalToolException("'node' was not found on PATH; Node 20+ is needed for cognito-local.");
        }

        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Remember(output, e.Data);
        process.ErrorDataReceived += (_, e) => Remember(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var instance = new CognitoLocalProcess(process, port, logger);
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (true)
            {
                if (process.HasExited)
                    throw new LocalToolException($"cognito-local exited during start-up ({process.ExitCode}): {string.Join(" | ", output)}");
                if (DateTime.UtcNow > deadline)
                    throw new LocalToolException($"cognito-local did not listen on port {port} within 30 s: {string.Join(" | ", output)}");
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                    break;
                }
                catch (SocketException)
                {
                    await Task.Delay(50, cancellationToken);
                }
            }
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }

        logger.LogInformation("cognito-local listening on {Endpoint}", instance.Endpoint);
        return instance;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                logger.LogWarning("cognito-local did not stop cleanly: {Reason}", e.Message);
            }
        }

        process.Dispose();
    }

    private static void Remember(ConcurrentQueue<string> output, string? line)
    {
        if (string.IsNullOrEmpty(line))
            return;
        output.Enqueue(line);
        while (output.Count > 40)
            output.TryDequeue(out _);
    }
}
