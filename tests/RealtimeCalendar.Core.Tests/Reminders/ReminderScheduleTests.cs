using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Core.Tests.Reminders;

public sealed class ReminderScheduleTests
{
    private const string Berlin = "Europe/Berlin";
    private static readonly DateTimeOffset LongAgo = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_timed_reminder_is_due_its_minutes_before_the_start_in_utc_across_the_spring_change()
    {
        // 28 March 2027: Berlin moves from UTC+1 to UTC+2 at 02:00; 09:00 that morning is 07:00 UTC.
        var e = Single(Utc(2027, 3, 28, 7, 0), allDay: false, Berlin);

        var due = ReminderSchedule.Next(e, [10], LongAgo)!;

        Assert.Equal(Utc(2027, 3, 28, 6, 50), due.DueAt);
        Assert.Equal((e.EventId, Utc(2027, 3, 28, 7, 0), 10), (due.Notice.EventId, due.Notice.OccurrenceStart, due.Notice.MinutesBefore));
    }

    [Fact]
    public void A_weekly_series_reminds_for_each_occurrence_at_its_wall_clock_time_and_skips_an_exdate()
    {
        // Sundays 09:00 Berlin from 21 March 2027 (08:00 UTC, winter), then 28 March and later at 07:00 UTC (summer); 4 April excluded.
        var series = Series(Utc(2027, 3, 21, 8, 0), ["RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE;TZID=Europe/Berlin:20270404T090000"]);

        var due = ReminderSchedule.From(series, [10], LongAgo).ToList();

        Assert.Equal([Utc(2027, 3, 21, 7, 50), Utc(2027, 3, 28, 6, 50), Utc(2027, 4, 11, 6, 50)], due.Select(d => d.DueAt));
        Assert.Equal(
            [EventIds.Instance(series.EventId, Utc(2027, 3, 21, 8, 0), false), EventIds.Instance(series.EventId, Utc(2027, 3, 28, 7, 0), false), EventIds.Instance(series.EventId, Utc(2027, 4, 11, 7, 0), false)],
            due.Select(d => d.Notice.EventId));
        Assert.All(due, d => Assert.Equal(series.Start, d.Notice.Start));
    }

    [Fact]
    public void Reminders_of_later_occurrences_come_in_due_order()
    {
        // Daily at 12:00 UTC with a day-before and a ten-minute reminder: the day-before one of tomorrow comes before today's ten-minute one.
        var series = Series(Utc(2027, 1, 1, 12, 0), ["RRULE:FREQ=DAILY;COUNT=3"], zone: "UTC");

        var due = ReminderSchedule.From(series, [10, 1440], Utc(2027, 1, 1, 11, 0)).Select(d => (d.DueAt, d.Notice.MinutesBefore)).ToList();

        Assert.Equal(
            [
                (Utc(2027, 1, 1, 11, 50), 10), (Utc(2027, 1, 1, 12, 0), 1440), (Utc(2027, 1, 2, 11, 50), 10),
                (Utc(2027, 1, 2, 12, 0), 1440), (Utc(2027, 1, 3, 11, 50), 10),
            ],
            due);
    }

    [Theory]
    [InlineData(Berlin, "2026-11-30T22:50:00Z")] // 00:00 in Berlin is 23:00 UTC the day before
    [InlineData("America/Los_Angeles", "2026-12-01T07:50:00Z")] // 00:00 in Los Angeles is 08:00 UTC
    [InlineData("UTC", "2026-11-30T23:50:00Z")]
    public void An_all_day_event_reminds_before_the_start_of_its_day_in_its_zone(string zone, string expected)
    {
        var e = Single(Utc(2026, 12, 1, 0, 0), allDay: true, zone);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ReminderSchedule.Next(e, [10], LongAgo)!.DueAt);
    }

    [Fact]
    public void An_occurrence_stored_as_an_override_is_left_to_the_override()
    {
        var series = Series(Utc(2027, 1, 4, 9, 0), ["RRULE:FREQ=DAILY;COUNT=3"], zone: "UTC");
        series = series with { OverrideIds = [EventIds.Instance(series.EventId, Utc(2027, 1, 5, 9, 0), false)] };

        var due = ReminderSchedule.From(series, [0], LongAgo).Select(d => d.DueAt).ToList();

        Assert.Equal([Utc(2027, 1, 4, 9, 0), Utc(2027, 1, 6, 9, 0)], due);
    }

    [Fact]
    public void Reminders_before_not_before_are_not_given_and_a_past_event_has_none()
    {
        var e = Single(Utc(2027, 1, 1, 12, 0), allDay: false, "UTC");

        Assert.Equal(Utc(2027, 1, 1, 11, 50), ReminderSchedule.Next(e, [30, 10], Utc(2027, 1, 1, 11, 40))!.DueAt);
        Assert.Null(ReminderSchedule.Next(e, [30, 10], Utc(2027, 1, 1, 11, 51)));
        Assert.Null(ReminderSchedule.Next(e, [], LongAgo));
    }

    [Fact]
    public void A_due_time_is_the_start_of_its_minute()
    {
        var e = Single(new DateTimeOffset(2027, 1, 1, 12, 0, 30, TimeSpan.Zero), allDay: false, "UTC");

        Assert.Equal(Utc(2027, 1, 1, 11, 59), ReminderSchedule.Next(e, [1], LongAgo)!.DueAt);
    }

    [Fact]
    public void Reminder_ids_name_event_occurrence_and_minutes_and_are_checked_before_use()
    {
        var e = Single(Utc(2027, 1, 1, 12, 0), allDay: false, "UTC");
        var due = ReminderSchedule.From(e, [10, 0], LongAgo).ToList();

        Assert.Equal($"{e.EventId}.20270101T120000Z.10", due[0].Notice.ReminderId);
        Assert.Equal($"{e.EventId}.20270101T120000Z.0", due[1].Notice.ReminderId);
        Assert.All(due, d => Assert.True(ReminderIds.IsWellFormed(d.Notice.ReminderId)));
        Assert.False(ReminderIds.IsWellFormed($"{e.EventId}.20270101T120000Z.010"));
        Assert.False(ReminderIds.IsWellFormed($"{e.EventId}.20270101T120000Z.40321"));
        Assert.False(ReminderIds.IsWellFormed("settings"));
        Assert.False(ReminderIds.IsWellFormed($"{e.EventId}.2027-01-01.10"));
    }

    [Fact]
    public void Shards_are_stable_and_in_range()
    {
        Assert.Equal(ReminderShards.Of("3f0c7c5e-5d8b-4b84-9a52-0f8d1f9b2a11"), ReminderShards.Of("3f0c7c5e-5d8b-4b84-9a52-0f8d1f9b2a11"));
        var shards = Enumerable.Range(0, 400).Select(i => ReminderShards.Of($"user-{i}")).ToList();
        Assert.All(shards, s => Assert.InRange(s, 0, ReminderShards.Count - 1));
        Assert.Equal(ReminderShards.Count, shards.Distinct().Count());
    }

    private static CalendarEvent Single(DateTimeOffset start, bool allDay, string zone) => new(
        "user-1", EventIds.New(), "Dentist", start, allDay ? start.AddDays(1) : start.AddHours(1), allDay, zone, null, null, 1, LongAgo, "api");

    private static CalendarEvent Series(DateTimeOffset start, IReadOnlyList<string> recurrence, string zone = Berlin) =>
        Single(start, allDay: false, zone) with { Recurrence = recurrence, OverrideIds = [] };

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
