using RealtimeCalendar.Core.Secrets;
using RealtimeCalendar.Functions.Bootstrap;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>How the local cloud runs; every field has a command-line flag (see <see cref="LocalCloudCommandLine"/>).</summary>
public sealed record LocalCloudOptions
{
    /// <summary>
    /// Port of the one local endpoint (HTTP API, WebSocket, Management API, client); cognito-local listens on the next
    /// port and DynamoDB Local on the one after. 0 picks free ports for all three.
    /// </summary>
    public int Port { get; init; } = 5080;

    /// <summary>Where tables, downloaded tools and local keys are kept between runs.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Keep DynamoDB Local's data in memory only; nothing survives the run.</summary>
    public bool InMemory { get; init; }

    /// <summary>Cap on events per user (the functions' MAX_EVENTS_PER_USER); null keeps their default.</summary>
    public int? MaxEventsPerUser { get; init; }

    /// <summary>Build (when changed) and serve the browser client from <c>client/</c>; API-only hosts such as benchmarks turn it off.</summary>
    public bool ServeClient { get; init; } = true;

    /// <summary>In-process handlers (default) or the published bootstrap as child processes (<c>--lambda process</c>).</summary>
    public LambdaMode Lambda { get; init; } = LambdaMode.InProcess;

    /// <summary>A published bootstrap to run in process mode; when unset the local cloud publishes one into the tool cache.</summary>
    public string? BootstrapPath { get; init; }

    /// <summary>A built <c>google-bootstrap</c> for the Google functions in process mode; when unset the local cloud publishes one.</summary>
    public string? GoogleBootstrapPath { get; init; }

    /// <summary>Prefix of the local table names.</summary>
    public string TablePrefix { get; init; } = "rc-";

    /// <summary>Folder for downloaded stand-ins (DynamoDB Local); defaults to a folder inside <see cref="DataDirectory"/>.</summary>
    public string? ToolCacheDirectory { get; init; }

    /// <summary>Server the chat talks to; null reads <c>OPENAI_BASE_URL</c> (through <see cref="FunctionSettings"/>), and without it OpenAI's own API is used.</summary>
    public Uri? OpenAiBaseUrl { get; init; }

    /// <summary>The chat model; null reads <c>OPENAI_MODEL</c> (through <see cref="FunctionSettings"/>), else the functions' default.</summary>
    public string? OpenAiModel { get; init; }

    /// <summary>How long one model call may take before it is retried; null keeps the functions' default.</summary>
    public TimeSpan? OpenAiAttemptTimeout { get; init; }

    /// <summary>
    /// The chat's API key; null reads the <c>OPENAI_API_KEY</c> variable, as the functions do locally. A source, not a
    /// string, so printing the options cannot print the key.
    /// </summary>
    public ISecretSource? ChatApiKey { get; init; }

    /// <summary>
    /// How young a connection keeps its record when a post answers 410; null keeps the functions' default (30 s). Tests
    /// that lose sockets seconds after opening them set zero.
    /// </summary>
    public TimeSpan? ConnectionHandshakeGrace { get; init; }

    /// <summary>Null keeps the functions' default (<see cref="FunctionSettings.RequestsPerUserPerMinute"/>).</summary>
    public int? RequestsPerUserPerMinute { get; init; }

    /// <summary>Null keeps the functions' default (<see cref="FunctionSettings.ChatQuestionsPerUserPerDay"/>).</summary>
    public int? ChatQuestionsPerUserPerDay { get; init; }

    /// <summary>Null keeps the functions' default (<see cref="FunctionSettings.SocketsPerUser"/>).</summary>
    public int? SocketsPerUser { get; init; }

    /// <summary>Null keeps the functions' default (<see cref="FunctionSettings.TicketsPerUserPerMinute"/>).</summary>
    public int? TicketsPerUserPerMinute { get; init; }

    /// <summary>
    /// The clock the reminder schedule ticks on (once a minute, as the stack's EventBridge Scheduler schedule does);
    /// null is the system clock. Tests pass a fake one and move it: each minute it reaches invokes the <c>reminders</c>
    /// function with that minute as the scheduled time, in process and process mode alike.
    /// </summary>
    public TimeProvider? ReminderScheduleClock { get; init; }

    /// <summary>Fault switches at start-up; all off by default.</summary>
    public LocalFaultOptions Faults { get; init; } = new();

    public string ToolCache => ToolCacheDirectory ?? Path.Combine(DataDirectory, "tools");

    /// <summary>
    /// Google sync settings for hosts that pass them in code (tests); when null they come from this process's
    /// <c>GOOGLE_*</c> environment variables (src/RealtimeCalendar.Google/README.md), not from flags.
    /// </summary>
    public GoogleSettings? Google { get; init; }
}
