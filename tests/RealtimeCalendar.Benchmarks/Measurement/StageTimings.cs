using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>
/// Where a push spends its time, from the metrics .NET itself publishes (no change to the product): ASP.NET Core's
/// server request duration per route (the Management API's <c>/@connections/{id}</c>, the HTTP API) and HttpClient's
/// request duration and connection-pool wait per target port (DynamoDB Local, the local cloud).
/// </summary>
public sealed class StageTimings : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> samples = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> portNames;
    private volatile bool recording;

    public StageTimings(IReadOnlyDictionary<int, string> portNames)
    {
        this.portNames = new(portNames);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name is "http.server.request.duration" or "http.client.request.duration" or "http.client.request.time_in_queue")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>(OnMeasurement);
        listener.Start();
    }

    /// <summary>Only measurements between <see cref="Start"/> and <see cref="Stop"/> count: the write phase, not the setup.</summary>
    public void Start() => recording = true;

    public void Stop() => recording = false;

    public IReadOnlyDictionary<string, LatencySummary> Summarize() =>
        samples.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(pair => pair.Key, pair => LatencySummary.Of(pair.Value), StringComparer.Ordinal);

    public void Dispose() => listener.Dispose();

    private void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (!recording)
            return;

        string? route = null, method = null;
        int? port = null;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case "http.route":
                    route = tag.Value as string;
                    break;
                case "http.request.method":
                    method = tag.Value as string;
                    break;
                case "server.port":
                    port = tag.Value as int?;
                    break;
            }
        }

        var name = instrument.Name switch
        {
            "http.server.request.duration" => $"server {method} {route}",
            "http.client.request.duration" => $"client {method} -> {Target(port)}",
            _ => $"client connection wait -> {Target(port)}",
        };
        samples.GetOrAdd(name, _ => new ConcurrentQueue<double>()).Enqueue(seconds * 1000);
    }

    private string Target(int? port) => port is { } p && portNames.TryGetValue(p, out var name) ? name : $"port {port}";
}
