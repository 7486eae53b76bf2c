using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace RealtimeCalendar.Benchmarks.Workload;

/// <summary>
/// M writes through the HTTP API from W concurrent writers. Write i belongs to user i mod K; one user's writes are
/// serialized (as one person clicking), so an update always carries the version the previous write returned and never
/// meets a 412. With a target rate, write i is due at start + i/rate (open loop); otherwise writers go as fast as answers come.
/// </summary>
public sealed class WriteWorkload(HttpClient http, IReadOnlyList<BenchmarkUser> users, int writes, int writers, double writesPerSecond, double updateShare, int seed)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly DateTimeOffset FirstDay = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    public async Task<WorkloadResult> RunAsync(CancellationToken cancellationToken)
    {
        var calendars = users.Select(u => new UserCalendar(u, new Random(HashCode.Combine(seed, u.Index)))).ToArray();
        var records = new WriteRecord[writes];
        var next = -1;
        var startedAt = Stopwatch.GetTimestamp();
        var ticksPerWrite = writesPerSecond > 0 ? Stopwatch.Frequency / writesPerSecond : 0;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < writes)
            {
                if (ticksPerWrite > 0)
                {
                    var due = startedAt + (long)(index * ticksPerWrite);
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                    if (wait > TimeSpan.Zero)
                        await Task.Delay(wait, cancellationToken);
                }

                records[index] = await WriteAsync(index, calendars[index % calendars.Length], cancellationToken);
            }
        }, cancellationToken)));

        return new WorkloadResult(records, startedAt, Stopwatch.GetTimestamp());
    }

    private async Task<WriteRecord> WriteAsync(int index, UserCalendar calendar, CancellationToken cancellationToken)
    {
        await calendar.Gate.WaitAsync(cancellationToken);
        try
        {
            var update = calendar.Events.Count > 0 && calendar.Random.NextDouble() < updateShare;
            var target = update ? calendar.Random.Next(calendar.Events.Count) : -1;
            using var request = update
                ? new HttpRequestMessage(HttpMethod.Put, $"/api/events/{calendar.Events[target].Id}")
                : new HttpRequestMessage(HttpMethod.Post, "/api/events");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", calendar.User.AccessToken);
            if (update)
                request.Headers.TryAddWithoutValidation("If-Match", $"\"{calendar.Events[target].Version.ToString(CultureInfo.InvariantCulture)}\"");
            request.Content = new StringContent(Body(index, update), Encoding.UTF8, Json);

            var kind = update ? WriteKind.Update : WriteKind.Create;
            var sentAt = Stopwatch.GetTimestamp();
            int status;
            byte[] body;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                return new WriteRecord(index, calendar.User.Index, kind, 0, null, 0, sentAt, Stopwatch.GetTimestamp());
            }

            var respondedAt = Stopwatch.GetTimestamp();
            if (status is < 200 or >= 300)
                return new WriteRecord(index, calendar.User.Index, kind, status, null, 0, sentAt, respondedAt);

            var (id, version) = ReadIdAndVersion(body);
            if (update)
                calendar.Events[target] = (id, version);
            else
                calendar.Events.Add((id, version));
            return new WriteRecord(index, calendar.User.Index, kind, status, id, version, sentAt, respondedAt);
        }
        finally
        {
            calendar.Gate.Release();
        }
    }

    private static string Body(int index, bool update)
    {
        var start = FirstDay.AddDays(index % 300).AddHours(index % 8);
        var title = update ? $"Bench event {index} (moved)" : $"Bench event {index}";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {"title":"{{title}}","start":"{{start:yyyy-MM-ddTHH:mm:ssZ}}","end":"{{start.AddMinutes(45):yyyy-MM-ddTHH:mm:ssZ}}","allDay":false,"timeZone":"Europe/Berlin","location":"Room {{index % 12}}"}
            """);
    }

    private static (string Id, long Version) ReadIdAndVersion(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return (root.GetProperty("id").GetString() ?? throw new InvalidOperationException("A stored event came back without an id."),
            root.GetProperty("version").GetInt64());
    }

    /// <summary>What the writers know of one user's calendar; only touched while holding <see cref="Gate"/>.</summary>
    private sealed class UserCalendar(BenchmarkUser user, Random random)
    {
        public BenchmarkUser User { get; } = user;
        public Random Random { get; } = random;
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public List<(string Id, long Version)> Events { get; } = [];
    }
}
