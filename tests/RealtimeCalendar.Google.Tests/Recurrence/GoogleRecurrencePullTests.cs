using System.Text.Json.Nodes;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Google.Tests.Fixtures;

namespace RealtimeCalendar.Google.Tests.Recurrence;

/// <summary>Recurring events made or changed in Google, pulled through the stand-in and the real client.</summary>
public sealed class GoogleRecurrencePullTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task All_day_series_round_trip_keeps_dates_in_ids_exceptions_and_instance_changes()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var gym = rig.Google.CreateAllDaySeriesInGoogle("Gym", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2), ["RRULE:FREQ=WEEKLY;COUNT=6"]);
        var googleId = (string)gym["id"]!;
        rig.Google.EditInstanceInGoogle(googleId, Tuesday.AddDays(7), i =>
        {
            i["start"] = new JsonObject { ["date"] = "2026-12-09" };
            i["end"] = new JsonObject { ["date"] = "2026-12-10" };
        });
        rig.Google.CancelInstanceInGoogle(googleId, Tuesday.AddDays(14));

        var result = await rig.ConnectAsync();

        Assert.Equal((2, 1, 0), (result.Created, result.Deleted, result.Skipped));
        var series = rig.LocalSeries();
        Assert.True(series.AllDay);
        Assert.Equal(["RRULE:FREQ=WEEKLY;COUNT=6", "EXDATE;VALUE=DATE:20261215"], series.Recurrence);
        var moved = Assert.Single(rig.LocalEvents(), e => e.IsInstance);
        Assert.Equal($"{series.EventId}_20261208", moved.EventId);
        Assert.Equal(Tuesday.AddDays(7), moved.OriginalStartTime);
        Assert.Equal((Tuesday.AddDays(8), Tuesday.AddDays(9), true), (moved.Start, moved.End, moved.AllDay));
        Assert.Equal([Tuesday, Tuesday.AddDays(8), Tuesday.AddDays(21)], (await rig.ShownAsync(Tuesday, Tuesday.AddDays(22))).Select(e => e.Start));

        await rig.PushPendingAsync();
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.EditLocallyAsync($"{series.EventId}_20261222", EditScope.This, d => d with { Title = "Gym (legs)" });
        await rig.PushPendingAsync();

        var exception = rig.Google.Find($"{googleId}_20261222")!;
        Assert.Equal("Gym (legs)", (string?)exception["summary"]);
        Assert.Equal("2026-12-22", (string?)exception["originalStartTime"]!["date"]);
        Assert.Equal(("2026-12-22", "2026-12-23"), ((string?)exception["start"]!["date"], (string?)exception["end"]!["date"]));
        Assert.Null(exception["start"]!["dateTime"]);

        // An all-day series made here arrives on Google as one, and comes back as an echo.
        var local = Assert.IsType<CalendarOutcome.Stored>(await rig.Calendar.CreateAsync(
            GoogleSyncRig.UserId,
            new Core.Events.EventDraft("Bins out", Tuesday, Tuesday.AddDays(1), true, "Europe/Berlin", null, null, ["RRULE:FREQ=WEEKLY;BYDAY=TU", "EXDATE;VALUE=DATE:20261229"]),
            CalendarService.SourceApi,
            CancellationToken.None)).Event;
        await rig.PushPendingAsync();
        var bins = rig.Google.Find(local.EventId)!;
        Assert.Equal("2026-12-01", (string?)bins["start"]!["date"]);
        Assert.Equal(["RRULE:FREQ=WEEKLY;BYDAY=TU", "EXDATE;VALUE=DATE:20261229"], bins["recurrence"]!.AsArray().Select(l => (string?)l));
        var again = await rig.PullAsync();
        Assert.Equal((0, 0, 0, 0), (again.Created, again.Updated, again.Deleted, again.Skipped));
    }

    [Fact]
    public async Task A_series_deleted_on_google_is_removed_here_with_its_overrides()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var weekly = rig.Google.CreateSeriesInGoogle("Weekly 1:1", Monday, Monday.AddHours(1), ["RRULE:FREQ=WEEKLY"]);
        var googleId = (string)weekly["id"]!;
        rig.Google.MoveInstanceInGoogle(googleId, Monday.AddDays(7), Monday.AddDays(7).AddHours(2), Monday.AddDays(7).AddHours(3));
        await rig.ConnectAsync();
        await rig.PushPendingAsync();
        Assert.Equal(2, rig.LocalEvents().Count);

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        rig.Google.CancelInGoogle(googleId);
        var result = await rig.PullAsync();

        // One deletion (the series write takes its override along); the exception's own cancellation then finds no series.
        Assert.Equal((1, 0), (result.Deleted, result.Skipped));
        Assert.Empty(rig.LocalEvents());
        Assert.Empty(await rig.ShownAsync(Monday, Monday.AddDays(60)));
        // The deletions came from Google: pushing them finds Google's copies already gone and changes nothing there.
        await rig.PushPendingAsync();
        Assert.Empty(rig.Google.LiveEvents());
        Assert.Equal(0, (await rig.PullAsync()).Deleted);
    }

    [Fact]
    public async Task A_series_changed_on_google_keeps_the_occurrences_cancelled_there_and_its_overrides()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var weekly = rig.Google.CreateSeriesInGoogle("Weekly 1:1", Monday, Monday.AddHours(1), ["RRULE:FREQ=WEEKLY;COUNT=5"]);
        var googleId = (string)weekly["id"]!;
        rig.Google.CancelInstanceInGoogle(googleId, Monday.AddDays(7));
        rig.Google.MoveInstanceInGoogle(googleId, Monday.AddDays(14), Monday.AddDays(15), Monday.AddDays(15).AddHours(1));
        await rig.ConnectAsync();

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        // Google's own recurrence never lists an instance cancelled in its UI; the cancellation is its own item.
        rig.Google.UpdateInGoogle(googleId, "Weekly 1:1 with Sam");
        var result = await rig.PullAsync();

        Assert.Equal(1, result.Updated);
        var series = rig.LocalSeries();
        Assert.Equal("Weekly 1:1 with Sam", series.Title);
        Assert.Contains("EXDATE;TZID=Europe/Berlin:20261207T100000", series.Recurrence!);
        Assert.Equal(
            [Monday, Monday.AddDays(15), Monday.AddDays(21), Monday.AddDays(28)],
            (await rig.ShownAsync(Monday, Monday.AddDays(35))).Select(e => e.Start));
    }

    [Fact]
    public async Task Exceptions_changed_and_cancelled_on_google_change_and_remove_the_override()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var weekly = rig.Google.CreateSeriesInGoogle("Weekly 1:1", Monday, Monday.AddHours(1), ["RRULE:FREQ=WEEKLY;COUNT=5"]);
        var googleId = (string)weekly["id"]!;
        rig.Google.MoveInstanceInGoogle(googleId, Monday.AddDays(7), Monday.AddDays(8), Monday.AddDays(8).AddHours(1));
        rig.Google.MoveInstanceInGoogle(googleId, Monday.AddDays(14), Monday.AddDays(15), Monday.AddDays(15).AddHours(1));
        await rig.ConnectAsync();

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        rig.Google.EditInstanceInGoogle(googleId, Monday.AddDays(7), i => i["summary"] = "1:1 at the cafe");
        rig.Google.CancelInstanceInGoogle(googleId, Monday.AddDays(14));
        var result = await rig.PullAsync();

        Assert.Equal((1, 1, 0), (result.Updated, result.Deleted, result.Skipped));
        var kept = Assert.Single(rig.LocalEvents(), e => e.IsInstance);
        Assert.Equal(("1:1 at the cafe", Monday.AddDays(8)), (kept.Title, kept.Start));
        var series = rig.LocalSeries();
        Assert.Equal([kept.EventId], series.OverrideIds);
        Assert.Contains("EXDATE;TZID=Europe/Berlin:20261214T100000", series.Recurrence!);
        Assert.Equal([Monday, Monday.AddDays(8), Monday.AddDays(21), Monday.AddDays(28)], (await rig.ShownAsync(Monday, Monday.AddDays(35))).Select(e => e.Start));
    }

    [Fact]
    public async Task Hostile_recurrence_from_google_is_skipped_with_a_reason_and_never_throws()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        string[][] hostile =
        [
            ["EXRULE:FREQ=WEEKLY"],
            ["RRULE:FREQ=SECONDLY"],
            ["RRULE:FREQ=WEEKLY;COUNT=999999"],
            ["RRULE:FREQ=WEEKLY;INTERVAL=100000"],
            ["RRULE:FREQ=WEEKLY;BYDAY=XX"],
            ["RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"],
            ["RRULE:FREQ=WEEKLY;UNTIL=20200101T000000Z"],
            ["RRULE:FREQ=DAILY;UNTIL=20261231"],
            ["RRULE:FREQ=WEEKLY", "RRULE:FREQ=DAILY"],
            ["DTSTART:20261130T090000Z", "RRULE:FREQ=WEEKLY"],
            ["RRULE:FREQ=WEEKLY", "EXDATE;TZID=Mars/Olympus:20261207T100000"],
            ["RRULE:FREQ=WEEKLY\r\nATTENDEE:mailto:x@example.com"],
            ["RRULE:FREQ=WEEKLY;" + new string('A', 5000)],
            [""],
            ["RRULE:FREQ=WEEKLY", .. Enumerable.Range(1, 60).Select(i => $"EXDATE:2027{i % 12 + 1:D2}01T090000Z")],
            ["RRULE:FREQ=WEEKLY;BYSETPOS=" + string.Join(',', Enumerable.Range(1, 400))],
        ];
        var hostileIds = hostile.Select(lines =>
        {
            var e = Timed("Hostile", Monday, Monday.AddHours(1));
            e["recurrence"] = new JsonArray([.. lines.Select(l => JsonValue.Create(l))]);
            return (string)rig.Google.PutInGoogle(e)["id"]!;
        }).ToList();
        // An exception of a refused series, and one of a series Google never listed.
        var orphan = Timed("Moved", Monday.AddDays(1), Monday.AddDays(1).AddHours(1));
        orphan["recurringEventId"] = hostileIds[0];
        orphan["originalStartTime"] = new JsonObject { ["dateTime"] = "2026-12-07T09:00:00Z", ["timeZone"] = "Europe/Berlin" };
        var orphanId = (string)rig.Google.PutInGoogle(orphan)["id"]!;
        var stray = (JsonObject)orphan.DeepClone();
        stray["recurringEventId"] = "unknownseries0123456789";
        var strayId = (string)rig.Google.PutInGoogle(stray)["id"]!;
        rig.Google.CreateSeriesInGoogle("Fine", Monday, Monday.AddHours(1), ["RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4"]);

        var result = await rig.ConnectAsync();

        Assert.Equal((1, hostile.Length + 2), (result.Created, result.Skipped));
        Assert.Equal("Fine", rig.LocalSeries().Title);
        foreach (var id in hostileIds.Append(orphanId).Append(strayId))
            Assert.Contains(rig.SyncLog.Entries, e => e.Message.Contains($"Google event {id} of {GoogleSyncRig.UserId} not synced: ", StringComparison.Ordinal));
        Assert.Contains(rig.SyncLog.Entries, e => e.Message.Contains("EXRULE is deprecated", StringComparison.Ordinal));
        Assert.Contains(rig.SyncLog.Entries, e => e.Message.Contains($"its series {hostileIds[0]} is not synced here", StringComparison.Ordinal));
        var again = await rig.PullAsync();
        Assert.Equal(0, again.Created + again.Updated + again.Deleted);
    }

    private static JsonObject Timed(string summary, DateTimeOffset start, DateTimeOffset end) =>
        RealServices.GoogleHeldEventTests.Timed(summary, start, end);
}
