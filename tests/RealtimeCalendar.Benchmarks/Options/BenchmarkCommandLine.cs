using System.Globalization;

namespace RealtimeCalendar.Benchmarks.Options;

/// <summary>Parses the benchmark's flags; unknown flags and nonsensical values are errors, so a typo never measures the wrong thing.</summary>
public static class BenchmarkCommandLine
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/RealtimeCalendar.Benchmarks [-- options]
          --sockets N            WebSockets held open (default 1000)
          --users K              users the sockets are spread over (default 50)
          --writes M             writes through the HTTP API (default 2000)
          --writers W            concurrent writers (default 8)
          --rate R               target writes per second; 0 = as fast as answers come (default 0)
          --update-share F       share of writes that are PUT updates with If-Match (default 0.3)
          --connect-concurrency C  sockets opened at once (default 32)
          --warmup-writes N      writes made and delivered before measuring (default 100)
          --floor-writes P       writes of the stream-floor probe (default 200; 0 skips it)
          --quiet-seconds S      wait this long without a new delivery before counting the missing (default 5)
          --seed N               seed of the workload's choices
          --out FILE             JSON report (default artifacts/benchmarks/push-latency.json; a .txt summary goes beside it)
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        var options = new BenchmarkOptions
        {
            OutputPath = Path.Combine(repositoryRoot, "artifacts", "benchmarks", "push-latency.json"),
            ToolCacheDirectory = Path.Combine(repositoryRoot, ".local-data", "tools"),
        };

        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{flag} needs a value.");
            options = flag switch
            {
                "--sockets" => options with { Sockets = Positive(flag, Value()) },
                "--users" => options with { Users = Positive(flag, Value()) },
                "--writes" => options with { Writes = Positive(flag, Value()) },
                "--writers" => options with { Writers = Positive(flag, Value()) },
                "--rate" => options with { WritesPerSecond = NonNegative(flag, Value()) },
                "--update-share" => options with { UpdateShare = Share(flag, Value()) },
                "--connect-concurrency" => options with { ConnectConcurrency = Positive(flag, Value()) },
                "--warmup-writes" => options with { WarmUpWrites = (int)NonNegative(flag, Value()) },
                "--floor-writes" => options with { FloorProbeWrites = (int)NonNegative(flag, Value()) },
                "--quiet-seconds" => options with { QuietPeriod = TimeSpan.FromSeconds(NonNegative(flag, Value())) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--out" => options with { OutputPath = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"Unknown option '{flag}'."),
            };
        }

        if (options.Users > options.Sockets)
            throw new ArgumentException($"--users ({options.Users}) cannot exceed --sockets ({options.Sockets}): every user needs a socket.");
        return options;
    }

    private static int Positive(string flag, string text)
    {
        var value = int.Parse(text, CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new ArgumentException($"{flag} must be positive, got {text}.");
    }

    private static double NonNegative(string flag, string text)
    {
        var value = double.Parse(text, CultureInfo.InvariantCulture);
        return value >= 0 ? value : throw new ArgumentException($"{flag} cannot be negative, got {text}.");
    }

    private static double Share(string flag, string text)
    {
        var value = double.Parse(text, CultureInfo.InvariantCulture);
        return value is >= 0 and <= 1 ? value : throw new ArgumentException($"{flag} must be between 0 and 1, got {text}.");
    }
}
