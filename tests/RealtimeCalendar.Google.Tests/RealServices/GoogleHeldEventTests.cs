using System.Globalization;
using System.Text.Json.Nodes;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google.Tests.Fixtures;

namespace RealtimeCalendar.Google.Tests.RealServices;

/// <summary>
/// Events as Google really holds them (issue 15), arriving through the stand-in Google server and the real Google.Apis
/// client: zero-length events, status entries, text longer than our limits.
/// </summary>
public sealed class GoogleHeldEventTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Zero_length_google_events_are_imported_as_points_in_time()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        rig.Google.PutInGoogle(Timed("Deadline", Monday, Monday));
        var unspecified = Timed("Call back", Monday.AddHours(2), Monday.AddHours(2));
        unspecified["endTimeUnspecified"] = true;
        rig.Google.PutInGoogle(unspecified);

        var result = await rig.ConnectAsync();

        Assert.Equal((2, 0), (result.Created, result.Skipped));
        Assert.All(rig.LocalEvents(), e => Assert.Equal(e.Start, e.End));
        // A point in time on the range's first instant is in the range.
        var listed = (CalendarOutcome.Listed)await rig.Calendar.ListAsync(GoogleSyncRig.UserId, new TimeRange(Monday, Monday.AddHours(1)), maxResults: null, pageToken: null, CancellationToken.None);
        Assert.Equal(["Deadline"], listed.Page.Events.Select(e => e.Title));
    }

    [Fact]
    public async Task Status_entries_are_read_only_and_working_locations_are_left_out()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        foreach (var (type, summary) in new[] { ("outOfOffice", "Out of office"), ("focusTime", "Focus time"), ("workingLocation", "Home"), ("fromGmail", "Flight to Lisbon") })
        {
            var entry = Timed(summary, Monday, Monday.AddHours(3));
            entry["eventType"] = type;
            rig.Google.PutInGoogle(entry);
        }

        var birthday = new JsonObject
        {
            ["summary"] = "Ada's birthday",
            ["eventType"] = "birthday",
            ["start"] = new JsonObject { ["date"] = "2026-12-10" },
            ["end"] = new JsonObject { ["date"] = "2026-12-11" },
        };
        rig.Google.PutInGoogle(birthday);

        var result = await rig.ConnectAsync();

        Assert.Equal((4, 1), (result.Created, result.Skipped));
        Assert.Equal(
            ["birthday", "focusTime", "fromGmail", "outOfOffice"],
            rig.LocalEvents().Select(e => e.EventType).Order(StringComparer.Ordinal));
        Assert.Contains(rig.SyncLog.Entries, e => e.Message.Contains("'workingLocation' entries are not shown", StringComparison.Ordinal));

        var outOfOffice = rig.LocalEvents().Single(e => e.EventType == EventTypes.OutOfOffice);
        var draft = new EventDraft("Back early", outOfOffice.Start, outOfOffice.End, false, outOfOffice.TimeZone, null, null);
        var edit = await rig.Calendar.ReplaceAsync(GoogleSyncRig.UserId, outOfOffice.EventId, outOfOffice.Version, draft, CalendarService.SourceApi, CancellationToken.None);
        var delete = await rig.Calendar.DeleteAsync(GoogleSyncRig.UserId, outOfOffice.EventId, outOfOffice.Version, CancellationToken.None);

        Assert.Equal(EventTypes.OutOfOffice, Assert.IsType<CalendarOutcome.ReadOnly>(edit).EventType);
        Assert.IsType<CalendarOutcome.ReadOnly>(delete);
        var requestsBefore = rig.Google.Requests.Count;
        Assert.All(await rig.PushPendingAsync(), o => Assert.Equal(GooglePushOutcome.NotNeeded, o));
        Assert.Equal(requestsBefore, rig.Google.Requests.Count);
    }

    [Fact]
    public async Task A_working_location_imported_earlier_is_removed_by_the_next_pull()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var home = rig.Google.PutInGoogle(Timed("Home", Monday, Monday.AddHours(8)));
        await rig.ConnectAsync();
        Assert.Single(rig.LocalEvents());

        // Older Google clients left eventType out; the entry turns out to be a working location.
        rig.Google.SetField((string)home["id"]!, "eventType", "workingLocation");
        var result = await rig.PullAsync();

        Assert.Equal(1, result.Deleted);
        Assert.Empty(rig.LocalEvents());
    }

    [Fact]
    public async Task Titles_longer_than_our_limit_are_cut_between_characters_not_inside_an_emoji()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        // 199 letters then an emoji: a cut at 200 UTF-16 units would fall between its two halves.
        var title = new string('a', EventLimits.TitleMaxLength - 1) + "\U0001F389 party";
        var description = new string('d', EventLimits.DescriptionMaxLength - 1) + "e\u0301" + "tc";
        var longOne = Timed(title, Monday, Monday.AddHours(1));
        longOne["description"] = description;
        rig.Google.PutInGoogle(longOne);

        var result = await rig.ConnectAsync();

        Assert.Equal((1, 0), (result.Created, result.Skipped));
        var imported = rig.LocalEvents().Single();
        Assert.Equal(new string('a', EventLimits.TitleMaxLength - 1), imported.Title);
        // "e" and its combining accent are one character: both go, never the accent alone.
        Assert.Equal(new string('d', EventLimits.DescriptionMaxLength - 1), imported.Description);
    }

    internal static JsonObject Timed(string summary, DateTimeOffset start, DateTimeOffset end, string zone = "Europe/Berlin") => new()
    {
        ["summary"] = summary,
        ["start"] = new JsonObject { ["dateTime"] = start.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture), ["timeZone"] = zone },
        ["end"] = new JsonObject { ["dateTime"] = end.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture), ["timeZone"] = zone },
    };
}
