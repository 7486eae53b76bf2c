using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Benchmarks.Hosting;
using RealtimeCalendar.Benchmarks.Measurement;
using RealtimeCalendar.Benchmarks.Options;
using RealtimeCalendar.Benchmarks.Reporting;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.HttpApi;
using RealtimeCalendar.Local.Hosting;
using RealtimeCalendar.Local.Lambda;

namespace RealtimeCalendar.Benchmarks.Scenarios;

/// <summary>
/// Cold starts of the image's binaries, one process at a time, each in the Lambda sandbox of <c>--lambda process</c>
/// (cleared environment, no zone database, read-only code, the function's heap cap): the Native AOT <c>bootstrap</c>,
/// a JIT build of the same program, and <c>google-bootstrap</c> as the Dockerfile publishes it (self-contained,
/// ReadyToRun). Each serves <c>calendar-api</c> a <c>GET /api/events</c> for a week on DynamoDB Local: the invocation
/// is queued before the process starts, as Lambda holds the event that caused the cold start.
/// </summary>
public sealed class ColdStartRun(BenchmarkOptions options, ILoggerFactory loggerFactory, TextWriter progress)
{
    private static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(60);
    private readonly ILogger logger = loggerFactory.CreateLogger<ColdStartRun>();

    public async Task<ColdStartReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var binaries = await PublishAsync(cancellationToken);
        var machineBefore = MachineSnapshot.Take();
        await using var cloud = await BenchmarkCloud.StartAsync(options, loggerFactory, cancellationToken);
        var settings = cloud.Services.Settings;
        var payload = ListWeekRequest(Guid.NewGuid().ToString());

        var measured = new List<(string Name, string Build, IReadOnlyList<ColdStartSample> Samples)>();
        foreach (var (name, path, build) in binaries)
        {
            using var sandbox = LambdaSandbox.Create(path, _ => settings.ToVariables(), settings.Region, [], logger);
            var samples = new List<ColdStartSample>();
            for (var run = 0; run < options.ColdStartRuns; run++)
            {
                var sample = await MeasureAsync(sandbox, settings.Region, payload, cancellationToken);
                samples.Add(sample);
                await progress.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name} run {run + 1}/{options.ColdStartRuns}: init {sample.InitMs:0.0} ms, first {sample.FirstInvocationMs:0.0} ms, warm {sample.WarmInvocationMs:0.0} ms, peak RSS {sample.PeakRssMb:0.0} MB"));
            }

            measured.Add((name, build, samples));
        }

        var aotFirst = RangeSummary.Of(measured[0].Samples.Select(s => s.FirstInvocationMs)).P50;
        var variants = measured.Select(m =>
        {
            var first = RangeSummary.Of(m.Samples.Select(s => s.FirstInvocationMs));
            return new ColdStartVariant(
                m.Name,
                m.Build,
                RangeSummary.Of(m.Samples.Select(s => s.InitMs)),
                first,
                RangeSummary.Of(m.Samples.Select(s => s.WarmInvocationMs)),
                RangeSummary.Of(m.Samples.Select(s => s.PeakRssMb)),
                first.P50 / aotFirst,
                m.Samples);
        }).ToList();
        return new ColdStartReport(startedAt, machineBefore, MachineSnapshot.Take(), options.ColdStartRuns, "calendar-api GET /api/events (one week, empty calendar)", variants);
    }

    private async Task<ColdStartSample> MeasureAsync(LambdaSandbox sandbox, string region, byte[] payload, CancellationToken cancellationToken)
    {
        await using var runtime = new RuntimeApiEndpoint(FunctionNames.CalendarApi, region, TimeProvider.System, logger);
        await runtime.StartAsync(cancellationToken);
        var start = sandbox.CreateStartInfo(FunctionNames.CalendarApi, runtime.Address);
        var first = runtime.InvokeAsync(payload, InvocationTimeout, cancellationToken);

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) logger.LogWarning("{Line}", e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var firstAnswer = await first;
            var answered = Stopwatch.GetTimestamp();
            var polled = await runtime.FirstPoll;
            EnsureOk(firstAnswer);

            var warmStarted = Stopwatch.GetTimestamp();
            EnsureOk(await runtime.InvokeAsync(payload, InvocationTimeout, cancellationToken));
            var warm = Stopwatch.GetElapsedTime(warmStarted);

            return new ColdStartSample(
                Stopwatch.GetElapsedTime(started, polled).TotalMilliseconds,
                Stopwatch.GetElapsedTime(started, answered).TotalMilliseconds,
                warm.TotalMilliseconds,
                PeakResidentMegabytes(process.Id));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<(string Name, string Path, string Build)>> PublishAsync(CancellationToken cancellationToken)
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        var root = RepositoryRoot.Find();
        await progress.WriteLineAsync("Publishing the three binaries (incremental after the first run)...");
        async Task<string> Publish(string project, string folder, string binary, params string[] extra)
        {
            var output = Path.Combine(options.ToolCacheDirectory, folder);
            await ToolCommand.RunAsync(
                "dotnet",
                ["publish", Path.Combine(root, "src", project, project + ".csproj"), "-c", "Release", "-r", rid, "-o", output, "-nologo", "-v", "quiet", .. extra],
                root,
                "'dotnet' was not found on PATH.",
                cancellationToken);
            return Path.Combine(output, binary);
        }

        // The same commands as Dockerfile.lambda (bootstrap, google-bootstrap), and the AOT project published on the JIT.
        var aot = await Publish("RealtimeCalendar.Functions", "bootstrap", "bootstrap");
        var jit = await Publish("RealtimeCalendar.Functions", "bootstrap-jit", "bootstrap", "-p:PublishAot=false", "--self-contained", "false");
        var google = await Publish("RealtimeCalendar.GoogleBootstrap", "google-bootstrap-image", "google-bootstrap", "--self-contained");
        return
        [
            ("bootstrap (AOT)", aot, "Native AOT, as Dockerfile.lambda publishes it"),
            ("bootstrap (JIT)", jit, "the same project, framework-dependent on the JIT (PublishAot=false)"),
            ("google-bootstrap", google, "self-contained, as Dockerfile.lambda publishes it (see its csproj for the start-up settings)"),
        ];
    }

    private static byte[] ListWeekRequest(string userId)
    {
        var now = DateTimeOffset.UtcNow;
        var query = $"from={now:yyyy-MM-dd}T00:00:00Z&to={now.AddDays(7):yyyy-MM-dd}T00:00:00Z";
        var request = new APIGatewayHttpApiV2ProxyRequest
        {
            Version = "2.0",
            RouteKey = "GET /api/events",
            RawPath = "/api/events",
            RawQueryString = query,
            Headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["accept"] = "application/json" },
            QueryStringParameters = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal),
            RequestContext = new()
            {
                AccountId = "000000000000",
                ApiId = "benchmark",
                Authorizer = new() { Jwt = new() { Claims = new(StringComparer.Ordinal) { ["sub"] = userId, ["token_use"] = "access" } } },
                Http = new() { Method = "GET", Path = "/api/events", Protocol = "HTTP/1.1", SourceIp = "127.0.0.1" },
                RequestId = Guid.NewGuid().ToString(),
                RouteKey = "GET /api/events",
                Stage = "$default",
                TimeEpoch = now.ToUnixTimeMilliseconds(),
            },
            IsBase64Encoded = false,
        };
        return JsonSerializer.SerializeToUtf8Bytes(request, LambdaContractsJsonContext.Default.APIGatewayHttpApiV2ProxyRequest);
    }

    private static void EnsureOk(byte[] answer)
    {
        var response = JsonSerializer.Deserialize(answer, LambdaContractsJsonContext.Default.APIGatewayHttpApiV2ProxyResponse);
        if (response?.StatusCode != 200)
            throw new InvalidOperationException($"calendar-api answered {response?.StatusCode}: {response?.Body}");
    }

    /// <summary>VmHWM of <c>/proc/PID/status</c>: the process's peak resident set, in MB.</summary>
    private static double PeakResidentMegabytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }
}
