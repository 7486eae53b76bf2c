using System.Text.Json.Nodes;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Google.Tests.Fixtures;

namespace RealtimeCalendar.Google.Tests.Reminders;

/// <summary>
/// Google's <c>reminders</c> and ours, through the real Google.Apis client and the stand-in: popups both ways,
/// <c>useDefault</c> to <c>useDefault</c>, and Google's e-mail reminders kept on Google's side (never shown here) and
/// written back with every push, because Google's patch replaces the overrides array whole.
/// </summary>
public sealed class ReminderSyncTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pulled_popups_become_our_reminders_and_email_reminders_stay_googles()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        PutWithReminders(rig, "Dentist", """{"useDefault":false,"overrides":[{"method":"email","minutes":1440},{"method":"popup","minutes":10}]}""");
        PutWithReminders(rig, "Standup", """{"useDefault":true}""");
        PutWithReminders(rig, "Mailed only", """{"useDefault":false,"overrides":[{"method":"email","minutes":60}]}""");
        rig.Google.CreateInGoogle("Old event", Monday, Monday.AddHours(1));

        await rig.ConnectAsync();

        var local = rig.LocalEvents().ToDictionary(e => e.Title);
        Assert.Equal([10], local["Dentist"].Reminders!.Minutes);
        Assert.Equal([1440], local["Dentist"].GoogleLink!.EmailReminderMinutes);
        Assert.Null(local["Standup"].Reminders);
        Assert.Null(local["Old event"].Reminders);
        // E-mail only on Google: no reminder here at all, which is not the defaults.
        Assert.Equal((false, 0), (local["Mailed only"].Reminders!.UseDefault, local["Mailed only"].Reminders!.Minutes.Count));
        // What the API shows of them: popups only.
        Assert.Equal(
            """{"UseDefault":false,"Overrides":[{"Method":"popup","Minutes":10}]}""",
            System.Text.Json.JsonSerializer.Serialize(EventResource.From(local["Dentist"]).Reminders));
    }

    [Fact]
    public async Task A_local_reminder_change_is_pushed_with_googles_email_reminders_kept()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var dentist = PutWithReminders(rig, "Dentist", """{"useDefault":false,"overrides":[{"method":"email","minutes":1440},{"method":"popup","minutes":10}]}""");
        await rig.ConnectAsync();
        await rig.PushPendingAsync();
        rig.Time.Advance(TimeSpan.FromMinutes(1));

        await ReplaceRemindersAsync(rig, rig.LocalEvents().Single(), EventReminders.Own([10, 30]));
        Assert.Equal([GooglePushOutcome.Pushed], await rig.PushPendingAsync());

        var patch = JsonNode.Parse(rig.Google.Requests.Single(r => r.Method == "PATCH").Body)!;
        Assert.Equal(
            """{"useDefault":false,"overrides":[{"method":"popup","minutes":10},{"method":"popup","minutes":30},{"method":"email","minutes":1440}]}""",
            patch["reminders"]!.ToJsonString());
        Assert.Equal(
            [("popup", 10), ("popup", 30), ("email", 1440)],
            Overrides(rig.Google.Find(Id(dentist))!));
        Assert.Equal([1440], rig.LocalEvents().Single().GoogleLink!.EmailReminderMinutes);
    }

    [Fact]
    public async Task A_rename_here_does_not_drop_googles_email_reminders()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var review = PutWithReminders(rig, "Review", """{"useDefault":false,"overrides":[{"method":"email","minutes":60}]}""");
        await rig.ConnectAsync();
        await rig.PushPendingAsync();

        await rig.RenameLocallyAsync(rig.LocalEvents().Single(), "Design review");
        await rig.PushPendingAsync();

        var onGoogle = rig.Google.Find(Id(review))!;
        Assert.Equal("Design review", (string?)onGoogle["summary"]);
        Assert.Equal([("email", 60)], Overrides(onGoogle));
    }

    [Fact]
    public async Task The_defaults_here_are_the_defaults_on_google_unless_google_holds_email_reminders()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var popupOnly = PutWithReminders(rig, "Popup only", """{"useDefault":false,"overrides":[{"method":"popup","minutes":15}]}""");
        var withEmail = PutWithReminders(rig, "With e-mail", """{"useDefault":false,"overrides":[{"method":"popup","minutes":15},{"method":"email","minutes":60}]}""");
        await rig.ConnectAsync();
        await rig.PushPendingAsync();

        foreach (var local in rig.LocalEvents())
            await ReplaceRemindersAsync(rig, local, EventReminders.Default);
        Assert.Equal([GooglePushOutcome.Pushed, GooglePushOutcome.Pushed], await rig.PushPendingAsync());

        // Google's defaults, its overrides deleted (Google refuses both at once).
        var cleared = rig.Google.Find(Id(popupOnly))!;
        Assert.Equal("""{"useDefault":true}""", cleared["reminders"]!.ToJsonString());
        // Google cannot hold its defaults and an e-mail: its reminders are left as they are, the e-mail with them.
        var kept = rig.Google.Find(Id(withEmail))!;
        Assert.Equal([("popup", 15), ("email", 60)], Overrides(kept));
        var patches = rig.Google.Requests.Where(r => r.Method == "PATCH").Select(r => JsonNode.Parse(r.Body)!.AsObject()).ToList();
        Assert.Single(patches, p => p.ContainsKey("reminders"));
    }

    [Fact]
    public async Task A_local_event_with_its_own_reminders_is_inserted_on_google_with_them()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        await rig.ConnectAsync();

        var outcome = await rig.Calendar.CreateAsync(
            GoogleSyncRig.UserId,
            new EventDraft("Flight", Monday, Monday.AddHours(2), false, "Europe/Berlin", null, null, Reminders: EventReminders.Own([120, 0])),
            CalendarService.SourceApi,
            CancellationToken.None);
        var created = Assert.IsType<CalendarOutcome.Stored>(outcome).Event;
        await rig.PushPendingAsync();

        Assert.Equal([("popup", 0), ("popup", 120)], Overrides(rig.Google.Find(created.EventId)!));
    }

    [Fact]
    public async Task A_reminder_changed_in_google_reaches_our_event_on_the_next_pull()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var standup = rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        await rig.ConnectAsync();
        Assert.Null(rig.LocalEvents().Single().Reminders);
        rig.Time.Advance(TimeSpan.FromMinutes(1));

        rig.Google.SetField(Id(standup), "reminders", JsonNode.Parse("""{"useDefault":false,"overrides":[{"method":"popup","minutes":5},{"method":"email","minutes":30}]}""")!);
        var result = await rig.PullAsync();

        Assert.Equal(1, result.Updated);
        var local = rig.LocalEvents().Single();
        Assert.Equal([5], local.Reminders!.Minutes);
        Assert.Equal([30], local.GoogleLink!.EmailReminderMinutes);

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        rig.Google.SetField(Id(standup), "reminders", JsonNode.Parse("""{"useDefault":true}""")!);
        await rig.PullAsync();
        Assert.Null(rig.LocalEvents().Single().Reminders);
        Assert.Empty(rig.LocalEvents().Single().GoogleLink!.EmailReminderMinutes ?? []);
    }

    [Fact]
    public async Task When_our_later_edit_wins_a_conflict_googles_newer_email_reminder_is_still_kept()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var standup = rig.Google.CreateInGoogle("Standup", Monday, Monday.AddMinutes(15));
        await rig.ConnectAsync();
        await rig.PushPendingAsync();

        // Google changes first (an e-mail added), then we change, later, before any pull or push ran.
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        rig.Google.SetField(Id(standup), "reminders", JsonNode.Parse("""{"useDefault":false,"overrides":[{"method":"email","minutes":120}]}""")!);
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await ReplaceRemindersAsync(rig, rig.LocalEvents().Single(), EventReminders.Own([10]));

        var result = await rig.PullAsync();

        Assert.Equal(1, result.LocalWins);
        Assert.Equal([("popup", 10), ("email", 120)], Overrides(rig.Google.Find(Id(standup))!));
    }

    [Fact]
    public async Task Above_googles_five_overrides_the_email_reminders_stay_and_our_latest_firing_popup_is_left_off_googles_copy()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var trip = PutWithReminders(rig, "Trip", """{"useDefault":false,"overrides":[{"method":"email","minutes":2880}]}""");
        await rig.ConnectAsync();
        await rig.PushPendingAsync();

        await ReplaceRemindersAsync(rig, rig.LocalEvents().Single(), EventReminders.Own([5, 10, 30, 60, 1440]));
        Assert.Equal([GooglePushOutcome.Pushed], await rig.PushPendingAsync());

        Assert.Equal([("popup", 5), ("popup", 10), ("popup", 30), ("popup", 60), ("email", 2880)], Overrides(rig.Google.Find(Id(trip))!));
        // Here all five still fire.
        Assert.Equal([5, 10, 30, 60, 1440], rig.LocalEvents().Single().Reminders!.Minutes);
    }

    [Fact]
    public async Task A_google_series_brings_its_reminders_and_an_exception_its_own()
    {
        await using var rig = await GoogleSyncRig.StartAsync();
        var series = rig.Google.CreateSeriesInGoogle("Standup", Monday, Monday.AddMinutes(15), ["RRULE:FREQ=DAILY;COUNT=5"]);
        rig.Google.SetField(Id(series), "reminders", JsonNode.Parse("""{"useDefault":false,"overrides":[{"method":"popup","minutes":15},{"method":"email","minutes":60}]}""")!);
        rig.Google.EditInstanceInGoogle(Id(series), Monday.AddDays(2), instance =>
        {
            instance["summary"] = "Standup (demo)";
            instance["reminders"] = JsonNode.Parse("""{"useDefault":false,"overrides":[{"method":"popup","minutes":0}]}""");
        });

        await rig.ConnectAsync();

        var local = rig.LocalEvents();
        var ourSeries = local.Single(e => e.IsSeries);
        Assert.Equal([15], ourSeries.Reminders!.Minutes);
        Assert.Equal([60], ourSeries.GoogleLink!.EmailReminderMinutes);
        var exception = local.Single(e => e.Title == "Standup (demo)");
        Assert.Equal([0], exception.Reminders!.Minutes);
    }

    private static JsonObject PutWithReminders(GoogleSyncRig rig, string summary, string remindersJson) =>
        rig.Google.PutInGoogle(new JsonObject
        {
            ["summary"] = summary,
            ["start"] = new JsonObject { ["dateTime"] = "2026-11-30T10:00:00+01:00", ["timeZone"] = "Europe/Berlin" },
            ["end"] = new JsonObject { ["dateTime"] = "2026-11-30T11:00:00+01:00", ["timeZone"] = "Europe/Berlin" },
            ["reminders"] = JsonNode.Parse(remindersJson),
        });

    private static async Task ReplaceRemindersAsync(GoogleSyncRig rig, CalendarEvent current, EventReminders reminders)
    {
        var draft = new EventDraft(current.Title, current.Start, current.End, current.AllDay, current.TimeZone, current.Description, current.Location, Reminders: reminders);
        var outcome = await rig.Calendar.ReplaceAsync(GoogleSyncRig.UserId, current.EventId, current.Version, draft, CalendarService.SourceApi, CancellationToken.None);
        Assert.IsType<CalendarOutcome.Stored>(outcome);
    }

    private static string Id(JsonObject googleEvent) => (string)googleEvent["id"]!;

    private static List<(string, int)> Overrides(JsonObject googleEvent) =>
        [.. (googleEvent["reminders"]!["overrides"]?.AsArray() ?? []).Select(o => ((string)o!["method"]!, (int)o["minutes"]!))];
}
