using RealtimeCalendar.Aws.Tables;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Local.Cognito;
using RealtimeCalendar.Local.ManagementApi;
using RealtimeCalendar.Local.Scheduler;
using RealtimeCalendar.Local.Streams;
using RealtimeCalendar.Local.WebSockets;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// The whole product on one machine: DynamoDB Local and cognito-local as supervised children, the tables and
/// user pool, and one port that plays API Gateway (HTTP API, WebSocket API, Management API) and the stream
/// trigger in front of the real functions. The dev host (<c>Program.cs</c>) and the test fixtures start it the same way.
/// </summary>
public sealed class LocalCloud : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> parts;
    private readonly string? scratchDirectory;

    private LocalCloud(Uri baseUrl, TableNames tables, FunctionServices services, LocalUserPool userPool, CognitoIdentityProviderClient cognito,
        LocalConnectionRegistry connections, LocalCloudFaults faults, StreamEventSourceMapping streamTrigger, LocalReminderSchedule reminderSchedule,
        List<IAsyncDisposable> parts, string? scratchDirectory)
    {
        BaseUrl = baseUrl;
        Tables = tables;
        Services = services;
        UserPool = userPool;
        Cognito = cognito;
        Connections = connections;
        Faults = faults;
        StreamTrigger = streamTrigger;
        ReminderSchedule = reminderSchedule;
        this.parts = parts;
        this.scratchDirectory = scratchDirectory;
    }

    public Uri BaseUrl { get; }

    public Uri WebSocketUrl => new(BaseUrl.ToString().Replace("http://", "ws://", StringComparison.Ordinal) + "ws");

    public TableNames Tables { get; }

    /// <summary>The same services the functions use, for fixtures that look at stored data directly.</summary>
    public FunctionServices Services { get; }

    public LocalUserPool UserPool { get; }

    /// <summary>A client of the local user pool's Cognito API (sign up, sign in), as a browser or test would use it.</summary>
    public CognitoIdentityProviderClient Cognito { get; }

    /// <summary>The sockets the local WebSocket API holds open.</summary>
    public LocalConnectionRegistry Connections { get; }

    /// <summary>Fault switches of the local Management API; all off unless a test or chaos run turns them on.</summary>
    public ManagementApiFaults ManagementApiFaults => Faults.ManagementApi;

    /// <summary>Every fault switch (Management API, socket drops, notify failures, DynamoDB Local restarts); all off unless turned on.</summary>
    public LocalCloudFaults Faults { get; }

    /// <summary>The Events stream's trigger of <c>notify</c>; its counters tell how records were batched.</summary>
    public StreamEventSourceMapping StreamTrigger { get; }

    /// <summary>The once-a-minute schedule of the <c>reminders</c> function (the stack's EventBridge Scheduler schedule).</summary>
    public LocalReminderSchedule ReminderSchedule { get; }

    /// <summary>
    /// Starts the whole local cloud (see <see cref="LocalCloudStartup"/> for the steps). Start-up failures a user can
    /// cause (a taken port, no Java, a data folder that cannot be written or that another local cloud holds) throw
    /// <see cref="LocalToolException"/> with one line saying what to do; whatever was started by then is stopped.
    /// </summary>
    public static Task<LocalCloud> StartAsync(LocalCloudOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        new LocalCloudStartup(options, loggerFactory).RunAsync(cancellationToken);

    internal static LocalCloud Create(
        Uri baseUrl, TableNames tables, FunctionServices services, LocalUserPool userPool, CognitoIdentityProviderClient cognito,
        LocalConnectionRegistry connections, LocalCloudFaults faults, StreamEventSourceMapping streamTrigger, LocalReminderSchedule reminderSchedule,
        List<IAsyncDisposable> parts, string? scratchDirectory) =>
        new(baseUrl, tables, services, userPool, cognito, connections, faults, streamTrigger, reminderSchedule, parts, scratchDirectory);

    /// <summary>Signs a user in against the local pool, as the browser does, and returns the tokens.</summary>
    public Task<AuthenticationResult> SignInAsync(string email, string password, CancellationToken cancellationToken) =>
        Cognito.SignInAsync(UserPool.ClientId, email, password, cancellationToken);

    public ValueTask DisposeAsync() => DisposePartsAsync(parts, scratchDirectory);

    /// <summary>Stops parts in reverse order of start: triggers, web host, services, then the child processes; the data folder lock last.</summary>
    internal static async ValueTask DisposePartsAsync(List<IAsyncDisposable> parts, string? scratch)
    {
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            // Stopping first lets open sockets close with 1001 and in-flight requests finish (bounded by SignalFreeLifetime).
            if (parts[i] is WebApplication app)
                await app.StopAsync(CancellationToken.None);
            await parts[i].DisposeAsync();
        }

        parts.Clear();
        if (scratch is not null && Directory.Exists(scratch))
            Directory.Delete(scratch, recursive: true);
    }
}
