using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtimeCalendar.Benchmarks.Reporting;

/// <summary>Saves a run's report as JSON (for comparing runs) and its printed summary beside it as text.</summary>
public static class ReportFiles
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // An empty latency set has NaN percentiles; say so rather than fail to write the report.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes <paramref name="jsonPath"/> and the same name with <c>.txt</c>; returns the text path.</summary>
    public static async Task<string> SaveAsync<TReport>(TReport report, string text, string jsonPath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
        await using (var json = File.Create(jsonPath))
            await JsonSerializer.SerializeAsync(json, report, JsonOptions, cancellationToken);
        var textPath = Path.ChangeExtension(jsonPath, ".txt");
        await File.WriteAllTextAsync(textPath, text, cancellationToken);
        return textPath;
    }
}
