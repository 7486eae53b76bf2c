using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Benchmarks.Hosting;
using RealtimeCalendar.Benchmarks.Measurement;
using RealtimeCalendar.Benchmarks.Options;
using RealtimeCalendar.Benchmarks.Reporting;
using RealtimeCalendar.Benchmarks.Workload;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Benchmarks.Scenarios;

/// <summary>
/// Issue 16's benchmark: one user with 200 series (weekly, daily, monthly by day and by weekday, yearly; counted,
/// ending, endless; some EXDATEs) with moved occurrences and 2,000 single events over 2027, and a second user with the
/// same single events only. Month-view (six weeks, as the month grid shows) and week-view listings through the local
/// cloud's HTTP API, every page followed, alternating between the two users so both see the same machine.
/// </summary>
public sealed class RangeQueryRun(BenchmarkOptions options, ILoggerFactory loggerFactory, TextWriter progress)
{
    private const int SeriesCount = 200;
    private const int SingleCount = 2_000;
    private const int OverriddenSeries = 50;
    private const int OverridesPerSeries = 3;
    private const int WarmUp = 20;

    private static readonly (string Name, DateTimeOffset From, DateTimeOffset To)[] Views =
    [
        ("month", new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 4, 12, 0, 0, 0, TimeSpan.Zero)),
        ("week", new DateTimeOffset(2027, 3, 15, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 22, 0, 0, 0, TimeSpan.Zero)),
    ];

    private static readonly string[] Rules =
    [
        "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR",
        "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=60",
        "RRULE:FREQ=DAILY;UNTIL=20271231T235959Z",
        "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
        "RRULE:FREQ=MONTHLY;BYDAY=2TU",
        "RRULE:FREQ=MONTHLY;BYMONTHDAY=1,15",
        "RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=24",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=20",
        "RRULE:FREQ=DAILY;INTERVAL=3",
        "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20270630T000000Z",
    ];

    public async Task<RangeQueryReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        progress.WriteLine("Starting the local cloud...");
        await using var cloud = await BenchmarkCloud.StartAsync(options with { Writes = SeriesCount + SingleCount }, loggerFactory, cancellationToken, requestsPerUserPerMinute: 1_000_000);
        var users = await BenchmarkUsers.CreateAsync(cloud, 2, cancellationToken);
        using var mixed = Client(cloud.BaseUrl, users[0]);
        using var singles = Client(cloud.BaseUrl, users[1]);

        progress.WriteLine($"Seeding {SingleCount} single events for both users and {SeriesCount} series with overrides for one...");
        var random = new Random(options.Seed);
        for (var i = 0; i < SingleCount; i++)
        {
            var start = new DateTimeOffset(2027, 1, 1, 7, 0, 0, TimeSpan.Zero).AddDays(random.Next(365)).AddMinutes(15 * random.Next(48));
            var draft = Draft($"Single {i}", start, start.AddMinutes(30 + (30 * random.Next(4))), recurrence: null);
            await SeedAsync(cloud, users[0].UserId, draft, cancellationToken);
            await SeedAsync(cloud, users[1].UserId, draft, cancellationToken);
        }

        var overrides = 0;
        for (var i = 0; i < SeriesCount; i++)
        {
            var start = new DateTimeOffset(2026, 10, 5, 6, 0, 0, TimeSpan.Zero).AddDays(random.Next(150)).AddMinutes(30 * random.Next(20));
            var lines = new List<string> { Rules[i % Rules.Length] };
            if (i % 7 == 0)
                lines.Add($"EXDATE:{start.AddDays(7 * (1 + random.Next(20))).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
            var series = await SeedAsync(cloud, users[0].UserId, Draft($"Series {i}", start, start.AddMinutes(45), lines), cancellationToken);
            if (i >= OverriddenSeries)
                continue;

            // Move three occurrences inside the month view by an hour, one at a time (each bumps the series' version).
            var version = series.Version;
            var inView = await ListAsync(mixed, Views[0].From, Views[0].To, cancellationToken);
            foreach (var occurrence in inView.Where(o => (string?)o["recurringEventId"] == series.EventId).Take(OverridesPerSeries).ToList())
            {
                var movedStart = DateTimeOffset.Parse((string)occurrence["start"]!, CultureInfo.InvariantCulture).AddHours(1);
                var outcome = await cloud.Services.Calendar.ReplaceAsync(
                    users[0].UserId, (string)occurrence["id"]!, EditScope.This, version++, Draft((string)occurrence["title"]!, movedStart, movedStart.AddMinutes(45), null), CalendarService.SourceApi, cancellationToken);
                if (outcome is not CalendarOutcome.Stored)
                    throw new InvalidOperationException($"Moving an occurrence failed: {outcome}");
                overrides++;
            }
        }

        var figures = new List<RangeQueryFigure>();
        foreach (var (name, from, to) in Views)
        {
            progress.WriteLine($"Measuring the {name} view ({options.RangeQueryIterations} listings per calendar, every page)...");
            var samples = new Dictionary<string, (List<double> Listing, List<double> FirstPage, int Events, int Pages)>
            {
                ["series + singles"] = ([], [], 0, 0),
                ["singles only"] = ([], [], 0, 0),
            };
            for (var i = -WarmUp; i < options.RangeQueryIterations; i++)
            {
                foreach (var (label, client) in new[] { ("series + singles", mixed), ("singles only", singles) })
                {
                    var (listing, firstPage, events, pages) = await TimeListingAsync(client, from, to, cancellationToken);
                    if (i < 0)
                        continue;
                    var s = samples[label];
                    s.Listing.Add(listing);
                    s.FirstPage.Add(firstPage);
                    samples[label] = (s.Listing, s.FirstPage, events, pages);
                }
            }

            figures.AddRange(samples.Select(s => new RangeQueryFigure(name, s.Key, s.Value.Events, s.Value.Pages, LatencySummary.Of(s.Value.Listing), LatencySummary.Of(s.Value.FirstPage))));
        }

        return new RangeQueryReport(MachineSnapshot.Take(), SeriesCount, overrides, SingleCount, options.RangeQueryIterations, figures);
    }

    private static async Task<(double Listing, double FirstPage, int Events, int Pages)> TimeListingAsync(
        HttpClient http, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        double firstPage = 0;
        var events = 0;
        var pages = 0;
        string? token = null;
        do
        {
            var page = await PageAsync(http, Url(from, to, token), cancellationToken);
            if (pages++ == 0)
                firstPage = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            events += page["events"]!.AsArray().Count;
            token = (string?)page["nextPageToken"];
        }
        while (token is not null);
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, firstPage, events, pages);
    }

    private static async Task<List<JsonObject>> ListAsync(HttpClient http, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var all = new List<JsonObject>();
        string? token = null;
        do
        {
            var page = await PageAsync(http, Url(from, to, token), cancellationToken);
            all.AddRange(page["events"]!.AsArray().Select(e => e!.AsObject()));
            token = (string?)page["nextPageToken"];
        }
        while (token is not null);
        return all;
    }

    private static async Task<JsonObject> PageAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(body)!.AsObject()
            : throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {body}");
    }

    private static string Url(DateTimeOffset from, DateTimeOffset to, string? token) =>
        $"/api/events?from={Instant(from)}&to={Instant(to)}" + (token is null ? "" : "&pageToken=" + Uri.EscapeDataString(token));

    // Seeding is not measured: it goes straight to the calendar service, past the per-user request limit.
    private static async Task<CalendarEvent> SeedAsync(LocalCloud cloud, string userId, EventDraft draft, CancellationToken cancellationToken) =>
        await cloud.Services.Calendar.CreateAsync(userId, draft, CalendarService.SourceApi, cancellationToken) is CalendarOutcome.Stored { Event: var created }
            ? created
            : throw new InvalidOperationException("Seeding an event failed.");

    private static EventDraft Draft(string title, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<string>? recurrence) =>
        new(title, start, end, AllDay: false, "Europe/Berlin", "Agenda: updates, blockers, next steps.", Location: null, recurrence);

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static HttpClient Client(Uri baseUrl, BenchmarkUser user)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return http;
    }
}
