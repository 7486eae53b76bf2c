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
          --openai-base-url URL  any server that speaks OpenAI's API (default: $OPENAI_BASE_URL, else OpenAI's)
          --openai-model NAME    the chat model (default: $OPENAI_MODEL, else gpt-4o-mini)
          --requests-per-minute N  requests one user may make per minute (default 600; 0 = no limit)
          --chat-per-day N         chat questions one user may ask per day (default 200; 0 = no limit)
        The chat's API key is read from $OPENAI_API_KEY (never a flag: flags show in process lists).
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
                "--openai-base-url" => options with { OpenAiBaseUrl = new Uri(Value(), UriKind.Absolute) },
                "--openai-model" => options with { OpenAiModel = Value() },
                "--requests-per-minute" => options with { RequestsPerUserPerMinute = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--chat-per-day" => options with { ChatQuestionsPerUserPerDay = int.Parse(Value(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        return options;
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
