using System.Collections;
using System.Text;
using System.Text.Json.Nodes;
using RealtimeCalendar.Core.TimeZones;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.LambdaSandboxProbe;

/// <summary>
/// Does what product code must never rely on and reports the outcome as JSON: writes a file into its code folder, its
/// working directory, <c>/tmp</c> (TMPDIR) and any folder the payload names (<c>{"write":["/some/dir"]}</c>); looks up a
/// zone in the host's database and in the product's; and reports its environment, user and heap limit.
/// </summary>
public sealed class SandboxReportFunction : ILambdaFunction
{
    public Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        var request = JsonNode.Parse(payload.Span) as JsonObject;
        var writes = new JsonObject
        {
            ["code"] = TryWrite(AppContext.BaseDirectory),
            ["workingDirectory"] = TryWrite(Environment.CurrentDirectory),
            ["tmp"] = TryWrite(Path.GetTempPath()),
        };
        foreach (var extra in request?["write"]?.AsArray() ?? [])
            writes[(string)extra!] = TryWrite((string)extra!);

        var environment = new JsonObject();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
            environment[(string)variable.Key] = (string?)variable.Value;

        var report = new JsonObject
        {
            ["writes"] = writes,
            ["environment"] = environment,
            ["workingDirectory"] = Environment.CurrentDirectory,
            ["codeDirectory"] = AppContext.BaseDirectory,
            ["tmp"] = Path.GetTempPath(),
            ["userId"] = File.ReadLines("/proc/self/status").First(line => line.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1],
            ["hostZone"] = HostZone("Europe/Berlin"),
            ["productZone"] = IanaTimeZones.TryGetCanonicalId("europe/berlin", out var canonical) ? canonical : null,
            ["heapLimitBytes"] = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        };
        return Task.FromResult(Encoding.UTF8.GetBytes(report.ToJsonString()));
    }

    private static string TryWrite(string directory)
    {
        var path = Path.Combine(directory, $"probe-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, "written");
            File.Delete(path);
            return "written";
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return "refused: " + e.GetType().Name;
        }
    }

    private static string HostZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id).Id;
        }
        catch (TimeZoneNotFoundException)
        {
            return "not found";
        }
    }
}
