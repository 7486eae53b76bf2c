using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;
using RealtimeCalendar.Benchmarks.Measurement;

namespace RealtimeCalendar.Benchmarks.Workload;

/// <summary>
/// One browser tab under chaos: gets a ticket, opens its socket, reloads its range (<c>GET /api/events</c>) after every
/// (re)connect, applies pushes and reloads by version, and when the socket drops reconnects with exponential backoff and
/// jitter, as the client's RealtimeConnection does. Its view (the highest version seen per event) is what the run
/// compares with the table.
/// </summary>
public sealed class ReconnectingTab : IAsyncDisposable
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly HttpClient http;
    private readonly Uri webSocketUrl;
    private readonly string rangeQuery;
    private readonly ServerErrors serverErrors;
    private readonly DeliveryProgress progress;
    private readonly Random jitter;
    private readonly Dictionary<string, long> view = new(StringComparer.Ordinal);
    private readonly HashSet<(string EventId, long Version)> pushed = [];
    private readonly List<Delivery> firstPushes = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource firstLive = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? running;
    private volatile ClientWebSocket? socket;
    private volatile bool live;
    private int connects;
    private int deliveries;
    private int duplicates;
    private int failedConnects;

    public ReconnectingTab(
        int index, BenchmarkUser user, HttpClient http, Uri webSocketUrl, DateTimeOffset rangeFrom, DateTimeOffset rangeTo, ServerErrors serverErrors,
        DeliveryProgress progress, int seed)
    {
        Index = index;
        User = user;
        this.http = http;
        this.webSocketUrl = webSocketUrl;
        this.serverErrors = serverErrors;
        this.progress = progress;
        jitter = new Random(seed);
        rangeQuery = string.Create(CultureInfo.InvariantCulture, $"/api/events?from={rangeFrom:yyyy-MM-ddTHH:mm:ssZ}&to={rangeTo:yyyy-MM-ddTHH:mm:ssZ}");
    }

    public int Index { get; }

    public BenchmarkUser User { get; }

    /// <summary>Open, and its range reloaded since it last opened: its view can be compared with the table.</summary>
    public bool IsLive => live;

    /// <summary>Completes the first time the tab is live.</summary>
    public Task FirstLive => firstLive.Task;

    /// <summary>Sockets opened, the first included.</summary>
    public int Connects => Volatile.Read(ref connects);

    public int FailedConnects => Volatile.Read(ref failedConnects);

    /// <summary><c>event.changed</c> frames received.</summary>
    public int Deliveries => Volatile.Read(ref deliveries);

    /// <summary>Frames carrying an event version this tab had already been pushed (a redelivery after a retry).</summary>
    public int Duplicates => Volatile.Read(ref duplicates);

    /// <summary>The first push of each event version, with its arrival time.</summary>
    public IReadOnlyList<Delivery> FirstPushes
    {
        get
        {
            lock (view)
                return [.. firstPushes];
        }
    }

    /// <summary>The highest version this tab has seen of each event, by push or reload.</summary>
    public IReadOnlyDictionary<string, long> View
    {
        get
        {
            lock (view)
                return new Dictionary<string, long>(view, StringComparer.Ordinal);
        }
    }

    public void Start() => running = Task.Run(() => RunAsync(stopping.Token));

    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        var open = socket;
        if (open is { State: WebSocketState.Open })
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await open.CloseAsync(WebSocketCloseStatus.NormalClosure, "run done", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Already gone.
            }
        }

        if (running is not null)
            await running;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await ConnectAsync(cancellationToken) is { } opened)
                {
                    attempt = 0;
                    await ListenAsync(opened, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is HttpRequestException or WebSocketException or JsonException or IOException or OperationCanceledException)
            {
                Interlocked.Increment(ref failedConnects);
            }

            live = false;
            if (cancellationToken.IsCancellationRequested)
                break;
            attempt++;
            var backoff = Math.Min(MaxBackoff.TotalMilliseconds, FirstBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 10)));
            double factor;
            lock (jitter)
                factor = 0.5 + (jitter.NextDouble() / 2);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(backoff * factor), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<ClientWebSocket?> ConnectAsync(CancellationToken cancellationToken)
    {
        using var ticketRequest = new HttpRequestMessage(HttpMethod.Post, "/api/realtime/ticket");
        ticketRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", User.AccessToken);
        using var ticketResponse = await http.SendAsync(ticketRequest, cancellationToken);
        serverErrors.Note("POST /api/realtime/ticket", (int)ticketResponse.StatusCode);
        if (!ticketResponse.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref failedConnects);
            return null;
        }

        using var ticketJson = JsonDocument.Parse(await ticketResponse.Content.ReadAsByteArrayAsync(cancellationToken));
        var ticket = ticketJson.RootElement.GetProperty("ticket").GetString();

        var opened = new ClientWebSocket();
        opened.Options.CollectHttpResponseDetails = true;
        try
        {
            await opened.ConnectAsync(new Uri($"{webSocketUrl}?ticket={Uri.EscapeDataString(ticket ?? string.Empty)}"), cancellationToken);
        }
        catch (WebSocketException)
        {
            serverErrors.Note("WebSocket handshake", (int)opened.HttpStatusCode);
            opened.Dispose();
            throw;
        }

        Interlocked.Increment(ref connects);
        return opened;
    }

    /// <summary>Receives until the socket ends; the reload runs beside the receive loop, as pushes may come in meanwhile.</summary>
    private async Task ListenAsync(ClientWebSocket opened, CancellationToken cancellationToken)
    {
        socket = opened;
        try
        {
            var receiving = ReceiveAsync(opened, cancellationToken);
            try
            {
                await ReloadAsync(cancellationToken);
                live = opened.State == WebSocketState.Open;
                if (live)
                    firstLive.TrySetResult();
            }
            catch (Exception exception) when (exception is HttpRequestException or JsonException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Without its reload the tab cannot be trusted: close and reconnect, as the browser tab does.
                await CloseQuietlyAsync(opened);
            }

            await receiving;
        }
        finally
        {
            live = false;
            socket = null;
            opened.Dispose();
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, rangeQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", User.AccessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        serverErrors.Note("GET /api/events", (int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Reload answered {(int)response.StatusCode}.");

        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        lock (view)
        {
            foreach (var item in json.RootElement.GetProperty("events").EnumerateArray())
                Apply(item.GetProperty("id").GetString()!, item.GetProperty("version").GetInt64());
        }
    }

    private async Task ReceiveAsync(ClientWebSocket opened, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (opened.State == WebSocketState.Open)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length)
                        Array.Resize(ref buffer, buffer.Length * 2);
                    result = await opened.ReceiveAsync(buffer.AsMemory(count), cancellationToken);
                    count += result.Count;
                }
                while (!result.EndOfMessage);

                var receivedAt = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                if (ChangeFrame.Read(buffer.AsSpan(0, count)) is { } change)
                    Record(change with { ReceivedAt = receivedAt });
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Dropped or stopped: the run loop reconnects or ends.
        }
    }

    private void Record(Delivery change)
    {
        Interlocked.Increment(ref deliveries);
        progress.Record(change.ReceivedAt);
        lock (view)
        {
            if (pushed.Add((change.EventId, change.Version)))
                firstPushes.Add(change);
            else
                Interlocked.Increment(ref duplicates);
            Apply(change.EventId, change.Version);
        }
    }

    /// <summary>Keeps the newer version, as the tab's EventStore does; called under the view's lock.</summary>
    private void Apply(string eventId, long version)
    {
        if (!view.TryGetValue(eventId, out var shown) || version > shown)
            view[eventId] = version;
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket opened)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await opened.CloseAsync(WebSocketCloseStatus.NormalClosure, "reload failed", timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Gone already.
        }
    }
}
