using System.Collections.Concurrent;
using CsCheck;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.GoogleSync;
using RealtimeCalendar.EndToEnd.Tests.HttpApi;
using Xunit.Abstractions;

namespace RealtimeCalendar.EndToEnd.Tests.HostileInput;

/// <summary>
/// Generated Google events pulled through the stand-in into the local cloud's real tables: the pull never throws,
/// every event is imported or skipped with a logged reason, and a refused pull changes nothing already stored.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class HostileGoogleEventTests(LocalCloudFixture fixture, ITestOutputHelper output)
{
    private const int Events = 120;

    [Fact]
    public async Task Generated_google_events_are_each_imported_or_skipped_with_a_logged_reason()
    {
        var user = await fixture.CreateUserAsync();
        var log = new SkipLog();
        await using var google = await StandInGoogleSync.StartAsync(fixture.Cloud, log);
        var seed = PropertySeed.Current;
        output.WriteLine($"CsCheck seed {seed} (replay or vary with {PropertySeed.EnvironmentVariable}=<seed>)");
        var googleIds = new List<string>();
        HostileGoogleEvents.Event.Array[Events].Sample(
            events =>
            {
                foreach (var e in events)
                    googleIds.Add((string)google.Google.PutInGoogle(e)["id"]!);
            },
            seed: seed, iter: 1, threads: 1);

        var result = await google.ConnectAsync(user.UserId);

        output.WriteLine($"{result.Created} imported, {result.Skipped} skipped; reasons: " + string.Join(" | ", log.Reasons.Distinct().Take(15)));
        Assert.Equal(Events, result.Created + result.Skipped);
        Assert.Equal(result.Skipped, log.Reasons.Count);
        // Read by id, not by range: an imported weekly series is one event but hundreds of listed occurrences.
        var stored = 0;
        foreach (var id in googleIds)
        {
            if (await fixture.Cloud.Services.Calendar.GetAsync(user.UserId, GoogleEventIds.ToLocalId(id), CancellationToken.None) is not null)
                stored++;
        }

        Assert.Equal(result.Created, stored);
        // A second pull finds nothing new and still does not throw.
        var again = await google.Sync.PullAsync(user.UserId, CancellationToken.None);
        Assert.Equal(0, again.Created + again.Updated + again.Deleted);
    }

    [Fact]
    public async Task A_pull_that_google_refuses_changes_nothing_already_stored()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        (await http.PostAsync("/api/events", EventJson.Content(EventJson.Valid("mine")))).EnsureSuccessStatusCode();
        await using var google = await StandInGoogleSync.StartAsync(fixture.Cloud);
        HostileGoogleEvents.Event.Array[20].Sample(events =>
        {
            foreach (var e in events)
                google.Google.PutInGoogle(e);
        }, seed: PropertySeed.Current, iter: 1, threads: 1);
        var before = await StoredCalendar.SnapshotAsync(fixture, user.UserId);

        google.Google.FailNextCalendarRequests(401, 10);
        var refused = await Assert.ThrowsAsync<GoogleCalendarException>(() => google.ConnectAsync(user.UserId));

        Assert.Equal(401, refused.Status);
        Assert.Equal(before, await StoredCalendar.SnapshotAsync(fixture, user.UserId));
    }

    /// <summary>Keeps the reason of every "not synced" line the pull logs.</summary>
    private sealed class SkipLog : ILogger<GoogleSyncService>
    {
        private readonly ConcurrentQueue<string> reasons = new();

        public IReadOnlyList<string> Reasons => [.. reasons];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (message.Contains(" not synced: ", StringComparison.Ordinal))
                reasons.Enqueue(message[(message.IndexOf(" not synced: ", StringComparison.Ordinal) + 13)..]);
        }
    }
}
