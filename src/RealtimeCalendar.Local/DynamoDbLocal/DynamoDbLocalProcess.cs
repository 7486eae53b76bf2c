using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Local.DynamoDbLocal;

/// <summary>
/// DynamoDB Local as a supervised child process: started on a free port, awaited until it accepts connections,
/// killed with the host (and its whole process tree) on dispose.
/// </summary>
public sealed class DynamoDbLocalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ILogger logger;

    private DynamoDbLocalProcess(Process process, int port, ILogger logger)
    {
        this.process = process;
        this.logger = logger;
        Port = port;
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    public bool HasExited => process.HasExited;

    /// <param name="dataDirectory">Where tables persist; null keeps them in memory only.</param>
    public static async Task<DynamoDbLocalProcess> StartAsync(
        string emulatorDirectory, string? dataDirectory, int port, ILogger logger, CancellationToken cancellationToken)
    {
        var java = FindJava() ?? throw new LocalToolException(
            "Java 17+ is required to run DynamoDB Local, and no 'java' was found on PATH or in JAVA_HOME. Install a JDK/JRE (e.g. apt-get install -y openjdk-17-jre-headless) and run again.");

        var start = new ProcessStartInfo(java)
        {
            WorkingDirectory = emulatorDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-Djava.library.path=" + Path.Combine(emulatorDirectory, "DynamoDBLocal_lib"));
        start.ArgumentList.Add("-jar");
        start.ArgumentList.Add(Path.Combine(emulatorDirectory, "DynamoDBLocal.jar"));
        start.ArgumentList.Add("-port");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        if (dataDirectory is null)
        {
            start.ArgumentList.Add("-inMemory");
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            start.ArgumentList.Add("-dbPath");
            start.ArgumentList.Add(dataDirectory);
        }

        // One database for every access key and region, so the host, child functions and tests see the same tables.
        start.ArgumentList.Add("-sharedDb");

        var process = Process.Start(start) ?? throw new LocalToolException("Could not start DynamoDB Local.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Remember(output, e.Data);
        process.ErrorDataReceived += (_, e) => Remember(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var instance = new DynamoDbLocalProcess(process, port, logger);
        try
        {
            await instance.WaitUntilListeningAsync(output, cancellationToken);
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }

        logger.LogInformation("DynamoDB Local listening on {Endpoint} ({Storage})", instance.Endpoint, dataDirectory ?? "in memory");
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
                logger.LogWarning("DynamoDB Local did not stop cleanly: {Reason}", e.Message);
            }
        }

        process.Dispose();
    }

    private async Task WaitUntilListeningAsync(System.Collections.Concurrent.ConcurrentQueue<string> output, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new LocalToolException($"DynamoDB Local exited during start-up ({process.ExitCode}): {string.Join(" | ", output)}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        throw new LocalToolException($"DynamoDB Local did not listen on port {Port} within 60 s: {string.Join(" | ", output)}");
    }

    private static void Remember(System.Collections.Concurrent.ConcurrentQueue<string> output, string? line)
    {
        if (string.IsNullOrEmpty(line))
            return;
        output.Enqueue(line);
        while (output.Count > 40)
            output.TryDequeue(out _);
    }

    private static string? FindJava()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("JAVA_HOME") is { Length: > 0 } home)
            candidates.Add(Path.Combine(home, "bin", "java"));
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            candidates.Add(Path.Combine(dir, "java"));
        return candidates.FirstOrDefault(File.Exists);
    }
}
