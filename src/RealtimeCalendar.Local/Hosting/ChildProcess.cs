using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// A local stand-in (DynamoDB Local, cognito-local) run as a supervised child: started only on a free port (so the
/// port answering afterwards is this child, never a stranger), through <see cref="ChildProcessLauncher"/> (so it dies
/// with the host), awaited until its port accepts connections, its recent output kept for error messages, and killed
/// with its process tree on dispose.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int RememberedLines = 40;

    /// <summary>
    /// How long a stand-in (a JVM, a node process) may take to listen. Generous on purpose: a test run starts one set per
    /// test assembly, side by side, and on two busy cores a JVM has been seen to need more than a minute.
    /// </summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Process process;
    private readonly string name;
    private readonly ILogger logger;
    private readonly ConcurrentQueue<string> output = new();

    private ChildProcess(Process process, string name, ILogger logger)
    {
        this.process = process;
        this.name = name;
        this.logger = logger;
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => process.HasExited;

    /// <param name="missingMessage">What to tell the user when the program cannot be found.</param>
    /// <exception cref="LocalToolException">The port is taken, the program is missing, or it did not start listening.</exception>
    public static async Task<ChildProcess> StartAsync(
        ProcessStartInfo start, string name, int port, TimeSpan startupTimeout, string missingMessage, ILogger logger, CancellationToken cancellationToken)
    {
        PortCheck.EnsureFree(port, name);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        Process process;
        try
        {
            process = ChildProcessLauncher.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new LocalToolException(missingMessage);
        }

        var child = new ChildProcess(process, name, logger);
        try
        {
            await child.WaitUntilListeningAsync(port, startupTimeout, cancellationToken);
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }

        return child;
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
                logger.LogWarning("{Name} did not stop cleanly: {Reason}", name, e.Message);
            }
        }

        process.Dispose();
    }

    private async Task WaitUntilListeningAsync(int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (process.HasExited)
                throw new LocalToolException($"{name} exited during start-up ({process.ExitCode}): {string.Join(" | ", output)}");
            if (TimeProvider.System.GetElapsedTime(started) > timeout)
                throw new LocalToolException($"{name} did not listen on port {port} within {timeout.TotalSeconds:0} s: {string.Join(" | ", output)}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private void Remember(string? line)
    {
        if (string.IsNullOrEmpty(line))
            return;
        output.Enqueue(line);
        while (output.Count > RememberedLines)
            output.TryDequeue(out _);
    }
}
