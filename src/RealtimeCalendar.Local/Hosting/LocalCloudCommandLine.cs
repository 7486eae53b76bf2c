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
