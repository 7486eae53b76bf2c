using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using RealtimeCalendar.Benchmarks.Measurement;

namespace RealtimeCalendar.Benchmarks.Workload;

/// <summary>
/// N sockets spread round-robin over the users, each opened the way the browser opens it: a one-time ticket from
/// <c>POST /api/realtime/ticket</c>, then <c>/ws?ticket=</c>. Opened a bounded number at a time.
/// </summary>
public sealed class SocketFleet : IAsyncDisposable
{
    private readonly ListeningSocket[] sockets;
    private readonly int[] socketsPerUser;

    private SocketFleet(ListeningSocket[] sockets, int userCount, TimeSpan openedIn)
    {
        this.sockets = sockets;
        OpenedIn = openedIn;
        socketsPerUser = new int[userCount];
        foreach (var socket in sockets)
            socketsPerUser[socket.User.Index]++;
    }

    public IReadOnlyList<ListeningSocket> Sockets => sockets;

    public TimeSpan OpenedIn { get; }

    /// <summary>How many of the fleet's sockets belong to the user: every change of theirs should reach that many.</summary>
    public int SocketsOf(int userIndex) => socketsPerUser[userIndex];

    public static async Task<SocketFleet> OpenAsync(
        HttpClient http, Uri webSocketUrl, IReadOnlyList<BenchmarkUser> users, int count, int concurrency, DeliveryProgress progress,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var sockets = new ListeningSocket[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (index, token) =>
            {
                var user = users[index % users.Count];
                var ticket = await TicketAsync(http, user, token);
                sockets[index] = await ListeningSocket.ConnectAsync(index, user, webSocketUrl, ticket, progress, token);
            });
        }
        catch
        {
            await CloseAllAsync(sockets.Where(s => s is not null), concurrency);
            throw;
        }

        return new SocketFleet(sockets, users.Count, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Closes every socket (a bounded number at a time, as their <c>$disconnect</c>s hit the host) and stops their receive loops.</summary>
    public Task CloseAsync(int concurrency) => CloseAllAsync(sockets, concurrency);

    public async ValueTask DisposeAsync()
    {
        await CloseAsync(concurrency: 64);
        foreach (var socket in sockets)
            await socket.DisposeAsync();
    }

    private static Task CloseAllAsync(IEnumerable<ListeningSocket> sockets, int concurrency) =>
        Parallel.ForEachAsync(
            sockets,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (socket, _) =>
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseAsync(timeout.Token);
            });

    private static async Task<string> TicketAsync(HttpClient http, BenchmarkUser user, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/realtime/ticket");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return json.RootElement.GetProperty("ticket").GetString()
            ?? throw new InvalidOperationException("The ticket response carried no ticket.");
    }
}
