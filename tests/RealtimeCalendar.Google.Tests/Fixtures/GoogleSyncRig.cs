using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google.Auth;
using RealtimeCalendar.StandIns.Google;

namespace RealtimeCalendar.Google.Tests.Fixtures;

/// <summary>
/// The sync service wired to the real Google.Apis client, which talks HTTP to the in-test Google server; the
/// calendar side is Core's own <see cref="CalendarService"/> on an in-memory store. One clock drives both sides.
/// </summary>
public sealed class GoogleSyncRig : IAsyncDisposable
{
    public const string UserId = "user-1";

    private int pushedChanges;

    private GoogleSyncRig(GoogleCalendarServer google, FakeTimeProvider time, Uri? webhookAddress)
    {
        Google = google;
        Time = time;
        Options = new GoogleApiOptions
        {
            ClientId = GoogleCalendarServer.ClientId,
            ClientSecret = GoogleCalendarServer.ClientSecret,
            AuthorizationEndpoint = google.AuthorizationEndpoint,
            TokenEndpoint = google.TokenEndpoint,
            CalendarBaseUri = google.CalendarBaseUri,
            RetryInitialDelay = TimeSpan.FromMilliseconds(20),
            PageSize = 2,
        };
        Authorization = new GoogleAuthorizationFlow(Options, time);
        Sync = new GoogleSyncService(
            Events,
            States,
            Tokens,
            new GoogleCalendarClientFactory(Options, Authorization, NullLoggerFactory.Instance),
            new GoogleSyncOptions { WebhookAddress = webhookAddress },
            time,
            SyncLog);
        Calendar = new CalendarService(Events, time, new CalendarOptions(), NullLogger<CalendarService>.Instance);
    }

    public GoogleCalendarServer Google { get; }

    public FakeTimeProvider Time { get; }

    public GoogleApiOptions Options { get; }

    public GoogleAuthorizationFlow Authorization { get; }

    public InMemoryEventStore Events { get; } = new();

    public InMemorySyncStateStore States { get; } = new();

    public InMemoryTokenStore Tokens { get; } = new();

    public RecordingLogger<GoogleSyncService> SyncLog { get; } = new();

    public GoogleSyncService Sync { get; }

    public CalendarService Calendar { get; }

    public static async Task<GoogleSyncRig> StartAsync(Uri? webhookAddress = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        return new GoogleSyncRig(await GoogleCalendarServer.StartAsync(time), time, webhookAddress);
    }

    public Task<GoogleSyncResult> ConnectAsync() => Sync.ConnectAsync(UserId, Google.IssueRefreshToken(), CancellationToken.None);

    public Task<GoogleSyncResult> PullAsync() => Sync.PullAsync(UserId, CancellationToken.None);

    public IReadOnlyList<CalendarEvent> LocalEvents() => Events.All(UserId);

    /// <summary>A local create through the calendar service, as the HTTP API makes it.</summary>
    public async Task<CalendarEvent> CreateLocallyAsync(string title, DateTimeOffset start, TimeSpan duration)
    {
        var outcome = await Calendar.CreateAsync(UserId, new EventDraft(title, start, start + duration, false, "Europe/Berlin", null, null), CalendarService.SourceApi, CancellationToken.None);
        return Assert.IsType<CalendarOutcome.Stored>(outcome).Event;
    }

    public async Task<CalendarEvent> RenameLocallyAsync(CalendarEvent current, string title)
    {
        var draft = new EventDraft(title, current.Start, current.End, current.AllDay, current.TimeZone, current.Description, current.Location);
        var outcome = await Calendar.ReplaceAsync(UserId, current.EventId, current.Version, draft, CalendarService.SourceApi, CancellationToken.None);
        return Assert.IsType<CalendarOutcome.Stored>(outcome).Event;
    }

    /// <summary>A local series (Europe/Berlin) through the calendar service, as the HTTP API makes it.</summary>
    public async Task<CalendarEvent> CreateSeriesLocallyAsync(string title, DateTimeOffset start, TimeSpan duration, params string[] recurrence)
    {
        var draft = new EventDraft(title, start, start + duration, false, "Europe/Berlin", null, null, recurrence);
        var outcome = await Calendar.CreateAsync(UserId, draft, CalendarService.SourceApi, CancellationToken.None);
        return Assert.IsType<CalendarOutcome.Stored>(outcome).Event;
    }

    /// <summary>The one local series (fails unless there is exactly one).</summary>
    public CalendarEvent LocalSeries() => Assert.Single(LocalEvents(), e => e.IsSeries);

    /// <summary>
    /// A local edit of occurrence <paramref name="occurrenceId"/> (or the series id) with <paramref name="scope"/>, as the
    /// HTTP API makes it: the draft starts from what the calendar shows for that id and <paramref name="change"/> adjusts it.
    /// </summary>
    public async Task<CalendarEvent> EditLocallyAsync(string occurrenceId, EditScope? scope, Func<EventDraft, EventDraft> change)
    {
        var shown = await Calendar.GetAsync(UserId, occurrenceId, CancellationToken.None) ?? throw new InvalidOperationException($"{occurrenceId} is not shown.");
        var draft = change(new EventDraft(shown.Title, shown.Start, shown.End, shown.AllDay, shown.TimeZone, shown.Description, shown.Location));
        var outcome = await Calendar.ReplaceAsync(UserId, occurrenceId, scope, shown.Version, draft, CalendarService.SourceApi, CancellationToken.None);
        return Assert.IsType<CalendarOutcome.Stored>(outcome).Event;
    }

    /// <summary>A local delete of occurrence <paramref name="occurrenceId"/> (or the series id) with <paramref name="scope"/>.</summary>
    public async Task DeleteLocallyAsync(string occurrenceId, EditScope? scope)
    {
        var shown = await Calendar.GetAsync(UserId, occurrenceId, CancellationToken.None) ?? throw new InvalidOperationException($"{occurrenceId} is not shown.");
        Assert.IsType<CalendarOutcome.Deleted>(await Calendar.DeleteAsync(UserId, occurrenceId, scope, shown.Version, CalendarService.SourceApi, CancellationToken.None));
    }

    /// <summary>Everything the calendar shows in the range (all pages), series expanded, as a tab would list it.</summary>
    public async Task<IReadOnlyList<CalendarEvent>> ShownAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var shown = new List<CalendarEvent>();
        string? pageToken = null;
        do
        {
            var page = Assert.IsType<CalendarOutcome.Listed>(await Calendar.ListAsync(UserId, new TimeRange(from, to), maxResults: null, pageToken, CancellationToken.None)).Page;
            shown.AddRange(page.Events);
            pageToken = page.NextPageToken;
        }
        while (pageToken is not null);
        return [.. shown.OrderBy(e => e.Start)];
    }

    /// <summary>
    /// Feeds every committed write not yet pushed to the push side, as the Events stream would. Records of different
    /// items come in no set order on a real stream (only one item's records are ordered), so
    /// <paramref name="lastFirst"/> feeds this batch backwards (meant for the records of one series write, one per item).
    /// </summary>
    public async Task<IReadOnlyList<GooglePushOutcome>> PushPendingAsync(bool lastFirst = false)
    {
        var changes = Events.Changes;
        var pending = changes.Skip(pushedChanges).ToList();
        pushedChanges = changes.Count;
        if (lastFirst)
            pending.Reverse();
        var outcomes = new List<GooglePushOutcome>();
        foreach (var change in pending)
            outcomes.Add(await Sync.PushAsync(UserId, change.Before, change.After, CancellationToken.None));
        return outcomes;
    }

    public async ValueTask DisposeAsync()
    {
        Authorization.Dispose();
        await Google.DisposeAsync();
    }
}
