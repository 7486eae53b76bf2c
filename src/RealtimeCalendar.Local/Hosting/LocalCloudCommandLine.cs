using System.Globalization;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>Parses the local cloud's few flags; unknown flags are an error so typos are not silently ignored.</summary>
public static class LocalCloudCommandLine
{
    public const string Usage = """
        Usage: dotnet run --project src/RealtimeCalendar.Local [-- options]
          --port N          port of the local endpoint (default 5080; 0 = any free port)
          --data-dir DIR    where local data is kept (default: .local-data in the repository)
          --in-memory       keep nothing between runs
          --lambda MODE     inprocess (default) or process: run the published Native AOT bootstrap as child
                            processes over the Lambda Runtime API, as the container image runs it
          --bootstrap PATH  a published bootstrap for --lambda process (default: publish one)
          --google-bootstrap PATH  a published google-bootstrap for --lambda process with Google sync (default: publish one)
          --openai-base-url URL  any server that speaks OpenAI's API (default: $OPENAI_BASE_URL, else OpenAI's)
          --openai-model NAME    the chat model (default: $OPENAI_MODEL, else gpt-4o-mini)
          --requests-per-minute N  requests one user may make per minute (default 600; 0 = no limit)
          --chat-per-day N         chat questions one user may ask per day (default 200; 0 = no limit)
        The chat's API key is read from $OPENAI_API_KEY (never a flag: flags show in process lists).

        Fault switches (all off by default; shares are 0..1):
          --fault-seed N                  seed of every switch's random draws (default 1), so runs replay
          --fault-post-429 F              share of Management API posts answered 429
          --fault-post-500 F              share of Management API posts answered 500
          --fault-drop-sockets F          share of live sockets dropped every --fault-drop-interval
          --fault-drop-interval S         seconds between rounds of socket drops (default 5)
          --fault-lost-disconnect F       share of dropped sockets whose $disconnect is lost (their next post answers 410)
          --fault-notify F                share of stream records on which the notify invocation fails
          --fault-restart-dynamodb S      restart DynamoDB Local every S seconds (not with --in-memory)
        """;

    public static LocalCloudOptions Parse(string[] args, string defaultDataDirectory)
    {
        var options = new LocalCloudOptions
        {
            DataDirectory = defaultDataDirectory,
        };

        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--port" => options with { Port = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--data-dir" => options with { DataDirectory = Path.GetFullPath(Value()) },
                "--in-memory" => options with { InMemory = true },
                "--lambda" => options with { Lambda = ParseLambdaMode(Value()) },
                "--bootstrap" => options with { BootstrapPath = Path.GetFullPath(Value()) },
                "--google-bootstrap" => options with { GoogleBootstrapPath = Path.GetFullPath(Value()) },
                "--openai-base-url" => options with { OpenAiBaseUrl = new Uri(Value(), UriKind.Absolute) },
                "--openai-model" => options with { OpenAiModel = Value() },
                "--requests-per-minute" => options with { RequestsPerUserPerMinute = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--chat-per-day" => options with { ChatQuestionsPerUserPerDay = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--fault-seed" => options with { Faults = options.Faults with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) } },
                "--fault-post-429" => options with { Faults = options.Faults with { PostThrottleShare = Share(args[i], Value()) } },
                "--fault-post-500" => options with { Faults = options.Faults with { PostServerErrorShare = Share(args[i], Value()) } },
                "--fault-drop-sockets" => options with { Faults = options.Faults with { SocketDropShare = Share(args[i], Value()) } },
                "--fault-drop-interval" => options with { Faults = options.Faults with { SocketDropInterval = Seconds(args[i], Value()) } },
                "--fault-lost-disconnect" => options with { Faults = options.Faults with { LostDisconnectShare = Share(args[i], Value()) } },
                "--fault-notify" => options with { Faults = options.Faults with { NotifyFailureShare = Share(args[i], Value()) } },
                "--fault-restart-dynamodb" => options with { Faults = options.Faults with { DynamoDbRestartInterval = Seconds(args[i], Value()) } },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        if (options.InMemory && options.Faults.DynamoDbRestartInterval is not null)
            throw new ArgumentException($"--fault-restart-dynamodb needs persisted data: an in-memory DynamoDB Local comes back empty.\n{Usage}");
        return options;
    }

    /// <summary>A share between 0 and 1; <paramref name="flag"/> is read before the value is taken.</summary>
    private static double Share(string flag, string text)
    {
        var value = double.Parse(text, CultureInfo.InvariantCulture);
        return value is >= 0 and <= 1 ? value : throw new ArgumentException($"{flag} is a share between 0 and 1, not {text}.\n{Usage}");
    }

    private static TimeSpan Seconds(string flag, string text)
    {
        var value = double.Parse(text, CultureInfo.InvariantCulture);
        return value > 0 ? TimeSpan.FromSeconds(value) : throw new ArgumentException($"{flag} must be a positive number of seconds, not {text}.\n{Usage}");
    }

    private static LambdaMode ParseLambdaMode(string value) => value switch
    {
        "inprocess" or "in-process" => LambdaMode.InProcess,
        "process" => LambdaMode.Process,
        _ => throw new ArgumentException($"--lambda is 'inprocess' or 'process', not '{value}'.\n{Usage}"),
    };

    /// <summary>The repository's <c>.local-data</c> when run from inside it, else a folder in the user's profile.</summary>
    public static string DefaultDataDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RealtimeCalendar.sln")))
                return Path.Combine(dir.FullName, ".local-data");
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "realtimecalendar");
    }
}
