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
          --out FILE             JSON report (default artifacts/benchmarks/<scenario>.json; a .txt summary goes beside it)
          --scenario NAME        push (default): push latency, faults off; chaos: soak with fault switches on;
                                 cold-start: the bootstrap binaries' cold and warm invocations;
                                 range-queries: month/week listings with 200 series against single events only;
                                 reminders: the reminder sweep
          --runs N               cold starts per binary in the cold-start scenario (default 10)
          --iterations N         listings per view and calendar in the range-queries scenario (default 200)

        Chaos scenario (--writes is rate x duration; --rate defaults to 20):
          --duration S           seconds of writing (default 60)
          --dynamodb-restarts N  DynamoDB Local restarts spread over the writes (default 1)
          --converge-seconds S   how long sockets may take to match the table after the writes (default 120)
          --fault-seed N         seed of the fault switches' draws (default 8)
          --fault-post-429 F     share of Management API posts answered 429 (default 0.02)
          --fault-post-500 F     share of Management API posts answered 500 (default 0.02)
          --fault-drop-sockets F share of live sockets dropped every --fault-drop-interval (default 0.02)
          --fault-drop-interval S  seconds between rounds of drops (default 5)
          --fault-lost-disconnect F  share of drops whose $disconnect is lost, leaving a record that answers 410 (default 0.25)
          --fault-notify F       share of stream records on which notify fails (default 0.02)

        Reminders scenario (--scenario reminders):
          --owners N             users with reminders (default 10000)
          --reminders-per-user N reminders each, spread evenly over the window (default 20)
          --window-minutes N     minutes the reminders are due across (default 60)
          --socket-users N       owners signed in with one open socket each, whose frames are timed (default 500)
          --minute-seconds S     real seconds each simulated minute lasts (default 5; 60 plays it in real time)
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        var options = new BenchmarkOptions
        {
            OutputPath = string.Empty,
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
                "--scenario" => options with { Scenario = ParseScenario(Value()) },
                "--runs" => options with { ColdStartRuns = Positive(flag, Value()) },
                "--iterations" => options with { RangeQueryIterations = Positive(flag, Value()) },
                "--duration" => options with { Chaos = options.Chaos with { Duration = TimeSpan.FromSeconds(Positive(flag, Value())) } },
                "--dynamodb-restarts" => options with { Chaos = options.Chaos with { DynamoDbRestarts = (int)NonNegative(flag, Value()) } },
                "--converge-seconds" => options with { Chaos = options.Chaos with { ConvergenceTimeout = TimeSpan.FromSeconds(Positive(flag, Value())) } },
                "--fault-seed" => options with { Chaos = options.Chaos with { Faults = options.Chaos.Faults with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) } } },
                "--fault-post-429" => options with { Chaos = options.Chaos with { Faults = options.Chaos.Faults with { PostThrottleShare = Share(flag, Value()) } } },
                "--fault-post-500" => options with { Chaos = options.Chaos with { Faults = options.Chaos.Faults with { PostServerErrorShare = Share(flag, Value()) } } },
                "--fault-drop-sockets" => options with { Chaos = options.Chaos with { Faults = options.Chaos.Faults with { SocketDropShare = Share(flag, Value()) } } },
                "--fault-drop-interval" => options with { Chaos = options.Chaos with { Faults = options.Chaos.Faults with { SocketDropInterval = TimeSpan.FromSeconds(Positive(flag, Value())) } } },
                "--fault-lost-disconnect" => options with { Chaos = options.Chaos with { Faults = options.Chaos.Faults with { LostDisconnectShare = Share(flag, Value()) } } },
                "--owners" => options with { Reminders = options.Reminders with { Owners = Positive(flag, Value()) } },
                "--reminders-per-user" => options with { Reminders = options.Reminders with { RemindersPerUser = Positive(flag, Value()) } },
                "--window-minutes" => options with { Reminders = options.Reminders with { WindowMinutes = Positive(flag, Value()) } },
                "--socket-users" => options with { Reminders = options.Reminders with { SocketUsers = (int)NonNegative(flag, Value()) } },
                "--minute-seconds" => options with { Reminders = options.Reminders with { MinuteLength = TimeSpan.FromSeconds(Positive(flag, Value())) } },
                "--fault-notify" => options with { Chaos = options.Chaos with { Faults = options.Chaos.Faults with { NotifyFailureShare = Share(flag, Value()) } } },
                _ => throw new ArgumentException($"Unknown option '{flag}'."),
            };
        }

        if (options.Scenario == BenchmarkScenario.Chaos)
        {
            // Paced for a set time: the number of writes follows from the rate.
            var rate = options.WritesPerSecond > 0 ? options.WritesPerSecond : ChaosOptions.DefaultWritesPerSecond;
            options = options with
            {
                WritesPerSecond = rate,
                Writes = Math.Max(1, (int)Math.Round(rate * options.Chaos.Duration.TotalSeconds)),
            };
        }

        if (options.OutputPath.Length == 0)
        {
            var name = options.Scenario switch
            {
                BenchmarkScenario.Chaos => "chaos.json",
                BenchmarkScenario.ColdStart => "cold-start.json",
                BenchmarkScenario.RangeQueries => "range-queries.json",
                BenchmarkScenario.Reminders => "reminders.json",
                _ => "push-latency.json",
            };
            options = options with { OutputPath = Path.Combine(repositoryRoot, "artifacts", "benchmarks", name) };
        }

        if (options.Scenario == BenchmarkScenario.Reminders && options.Reminders.SocketUsers > options.Reminders.Owners)
            throw new ArgumentException($"--socket-users ({options.Reminders.SocketUsers}) cannot exceed --owners ({options.Reminders.Owners}).");
        if (options.Users > options.Sockets)
            throw new ArgumentException($"--users ({options.Users}) cannot exceed --sockets ({options.Sockets}): every user needs a socket.");
        return options;
    }

    private static BenchmarkScenario ParseScenario(string text) => text switch
    {
        "push" or "push-latency" => BenchmarkScenario.PushLatency,
        "chaos" => BenchmarkScenario.Chaos,
        "cold-start" => BenchmarkScenario.ColdStart,
        "range-queries" => BenchmarkScenario.RangeQueries,
        "reminders" => BenchmarkScenario.Reminders,
        _ => throw new ArgumentException($"--scenario is 'push', 'chaos', 'cold-start', 'range-queries' or 'reminders', not '{text}'."),
    };

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
