using System.Diagnostics;
using System.Globalization;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Local.DynamoDbLocal;

/// <summary>DynamoDB Local (AWS's jar) as a supervised child process on a loopback port.</summary>
public sealed class DynamoDbLocalProcess : IAsyncDisposable
{
    private readonly ProcessStartInfo start;
    private readonly ILogger logger;
    private ChildProcess child;

    private DynamoDbLocalProcess(ChildProcess child, ProcessStartInfo start, int port, string? dataDirectory, ILogger logger)
    {
        this.child = child;
        this.start = start;
        this.logger = logger;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public int Port { get; }

    /// <summary>Where tables persist; null when they live in memory only.</summary>
    public string? DataDirectory { get; }

    /// <summary>How many times <see cref="RestartAsync"/> has run.</summary>
    public int Restarts { get; private set; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    public bool HasExited => child.HasExited;

    /// <param name="dataDirectory">Where tables persist; null keeps them in memory only.</param>
    public static Task<DynamoDbLocalProcess> StartAsync(
        string emulatorDirectory, string? dataDirectory, int port, ILogger logger, CancellationToken cancellationToken) =>
        StartAsync(RequireJava(), emulatorDirectory, dataDirectory, port, logger, cancellationToken);

    /// <param name="java">The java to run it with (<see cref="RequireJava"/>).</param>
    /// <param name="dataDirectory">Where tables persist; null keeps them in memory only.</param>
    public static async Task<DynamoDbLocalProcess> StartAsync(
        string java, string emulatorDirectory, string? dataDirectory, int port, ILogger logger, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(java) { WorkingDirectory = emulatorDirectory };
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

        var child = await StartChildAsync(start, port, logger, cancellationToken);
        var instance = new DynamoDbLocalProcess(child, start, port, dataDirectory, logger);
        logger.LogInformation("DynamoDB Local listening on {Endpoint} ({Storage})", instance.Endpoint, dataDirectory ?? "in memory");
        return instance;
    }

    /// <summary>
    /// Kills the process (a crash, not a clean stop) and starts it again on the same port with the same <c>-dbPath</c>.
    /// Tables, items and streams survive; connections, and anything in flight, do not. An in-memory instance would come
    /// back empty, so it refuses.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        if (DataDirectory is null)
            throw new InvalidOperationException("An in-memory DynamoDB Local loses every table when restarted; start it with a data directory.");

        await child.DisposeAsync();
        child = await StartChildAsync(start, Port, logger, cancellationToken);
        Restarts++;
        logger.LogInformation("DynamoDB Local restarted on {Endpoint} ({Storage})", Endpoint, DataDirectory);
    }

    public ValueTask DisposeAsync() => child.DisposeAsync();

    private static Task<ChildProcess> StartChildAsync(ProcessStartInfo start, int port, ILogger logger, CancellationToken cancellationToken) =>
        ChildProcess.StartAsync(
            start, "DynamoDB Local", port, ChildProcess.StartTimeout, "Java could not be started for DynamoDB Local.", logger, cancellationToken);

    /// <summary>The java of <c>JAVA_HOME</c>, else the first on PATH.</summary>
    /// <exception cref="LocalToolException">There is none.</exception>
    public static string RequireJava()
    {
        var javaHome = Environment.GetEnvironmentVariable("JAVA_HOME") is { Length: > 0 } home ? Path.Combine(home, "bin", "java") : null;
        return (javaHome is not null && File.Exists(javaHome) ? javaHome : ExecutableSearch.Find("java")) ?? throw new LocalToolException(
            "Java 17+ is required to run DynamoDB Local, and no 'java' was found on PATH or in JAVA_HOME. Install a JDK/JRE (e.g. apt-get install -y openjdk-17-jre-headless) and run again.");
    }
}
