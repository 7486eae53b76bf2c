using System.Globalization;
using NodaTime;
using NodaTime.Text;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Recurrence;

namespace RealtimeCalendar.Core.Tests.Recurrence;

public sealed class SeriesExpansionTests
{
    public static TheoryData<string> ExampleNames() => new(Rfc5545Examples.All.Select(e => e.Name));

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Rfc5545_example_expands_to_the_occurrences_the_rfc_lists(string name)
    {
        var example = Rfc5545Examples.All.Single(e => e.Name == name);
        var start = Local(example.Start, Rfc5545Examples.Zone);
        var schedule = Schedule(example.Recurrence, start, start.AddHours(1), allDay: false, Rfc5545Examples.Zone);

        var expected = example.Occurrences.Select(o => Local(o, Rfc5545Examples.Zone)).ToList();
        var actual = schedule.Between(start, start.AddYears(12)).Take(expected.Count).Select(o => o.Start).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_bounded_example_ends_where_the_rfc_says()
    {
        var example = Rfc5545Examples.All.Single(e => e.Name.StartsWith("Every other week on Monday", StringComparison.Ordinal));
        var start = Local(example.Start, Rfc5545Examples.Zone);
        var schedule = Schedule(example.Recurrence, start, start.AddHours(1), allDay: false, Rfc5545Examples.Zone);

        Assert.Equal(example.Occurrences.Length, schedule.Between(start, start.AddYears(5)).Count());
        Assert.NotNull(schedule.LastEnd);
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-23T09:00", "2026-03-30T09:00")] // CET -> CEST on 29 March 2026
    [InlineData("Europe/Berlin", "2026-10-19T09:00", "2026-10-26T09:00")] // CEST -> CET on 25 October 2026
    [InlineData("America/New_York", "2026-03-02T09:00", "2026-03-09T09:00")] // EST -> EDT on 8 March 2026
    [InlineData("America/New_York", "2026-10-26T09:00", "2026-11-02T09:00")] // EDT -> EST on 1 November 2026
    public void A_weekly_series_keeps_its_wall_clock_time_across_a_dst_change(string zone, string first, string second)
    {
        var start = Local(first, zone);
        var schedule = Schedule(["RRULE:FREQ=WEEKLY"], start, start.AddMinutes(30), allDay: false, zone);

        var occurrences = schedule.Between(start, start.AddDays(8)).Select(o => o.Start).ToList();

        Assert.Equal([start, Local(second, zone)], occurrences);
        Assert.NotEqual(TimeSpan.FromDays(7), occurrences[1] - occurrences[0]);
    }

    [Fact]
    public void An_occurrence_in_the_spring_gap_moves_forward_by_the_gap()
    {
        // 02:30 on 29 March 2026 does not exist in Europe/Berlin; RFC 5545 section 3.3.5 reads it with the offset before the gap.
        var start = Local("2026-03-22T02:30", "Europe/Berlin");
        var schedule = Schedule(["RRULE:FREQ=WEEKLY;COUNT=3"], start, start.AddHours(1), allDay: false, "Europe/Berlin");

        var occurrences = schedule.Between(start, start.AddDays(30)).Select(o => o.Start).ToList();

        Assert.Equal(Local("2026-03-29T03:30", "Europe/Berlin"), occurrences[1]);
        Assert.Equal(Local("2026-04-05T02:30", "Europe/Berlin"), occurrences[2]);
    }

    [Fact]
    public void A_yearly_all_day_series_on_29_february_occurs_in_leap_years_only()
    {
        var start = new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero);
        var schedule = Schedule(["RRULE:FREQ=YEARLY"], start, start.AddDays(1), allDay: true, "Europe/Berlin");

        var occurrences = schedule.Between(start, new DateTimeOffset(2033, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToList();

        Assert.Equal(["2024-02-29", "2028-02-29", "2032-02-29"], occurrences.Select(o => o.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.All(occurrences, o => Assert.Equal(TimeSpan.FromDays(1), o.End - o.Start));
        Assert.Equal("series1_20280229", occurrences[1].Id);
    }

    [Fact]
    public void An_occurrence_that_began_before_the_range_is_returned()
    {
        var start = Local("2026-12-01T22:00", "Europe/Berlin");
        var schedule = Schedule(["RRULE:FREQ=DAILY"], start, start.AddHours(4), allDay: false, "Europe/Berlin");

        var occurrence = schedule.Between(Local("2026-12-03T00:00", "Europe/Berlin"), Local("2026-12-03T01:00", "Europe/Berlin")).Single();

        Assert.Equal(Local("2026-12-02T22:00", "Europe/Berlin"), occurrence.Start);
        Assert.Equal("series1_20261202T210000Z", occurrence.Id);
        Assert.Equal(occurrence.Start, occurrence.OriginalStartTime);
    }

    [Fact]
    public void Exdate_in_the_series_zone_and_in_utc_both_remove_their_occurrence()
    {
        var start = Local("2026-12-01T09:00", "America/New_York");
        var schedule = Schedule(
            ["RRULE:FREQ=DAILY;COUNT=4", "EXDATE;TZID=America/New_York:20261202T090000", "EXDATE:20261203T140000Z"],
            start, start.AddHours(1), allDay: false, "America/New_York");

        var days = schedule.Between(start, start.AddDays(10)).Select(o => o.Start.Day).ToList();

        Assert.Equal([1, 4], days);
    }

    [Fact]
    public void Rdate_adds_an_occurrence_and_extends_the_span()
    {
        var start = Local("2026-12-01T09:00", "Europe/Berlin");
        var schedule = Schedule(["RRULE:FREQ=DAILY;COUNT=2", "RDATE;TZID=Europe/Berlin:20261224T180000"], start, start.AddHours(1), allDay: false, "Europe/Berlin");

        var occurrences = schedule.Between(start, start.AddDays(40)).Select(o => o.Start).ToList();

        Assert.Equal(Local("2026-12-24T18:00", "Europe/Berlin"), occurrences[^1]);
        Assert.Equal(Local("2026-12-24T19:00", "Europe/Berlin"), schedule.LastEnd);
    }

    [Fact]
    public void An_open_ended_series_has_no_last_end_and_a_counted_one_ends_at_its_last_occurrence()
    {
        var start = Local("2026-12-01T09:00", "Europe/Berlin");

        Assert.Null(Schedule(["RRULE:FREQ=WEEKLY"], start, start.AddHours(1), false, "Europe/Berlin").LastEnd);
        Assert.Equal(Local("2026-12-15T10:00", "Europe/Berlin"), Schedule(["RRULE:FREQ=WEEKLY;COUNT=3"], start, start.AddHours(1), false, "Europe/Berlin").LastEnd);
    }

    internal static SeriesSchedule Schedule(string[] lines, DateTimeOffset start, DateTimeOffset end, bool allDay, string zone)
    {
        var errors = new List<ValidationError>();
        var recurrence = RecurrenceParser.Parse(lines, errors);
        var schedule = recurrence is null ? null : SeriesSchedule.Create("series1", start, end, allDay, zone, recurrence, errors);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        return schedule!;
    }

    internal static DateTimeOffset Local(string localDateTime, string zone) =>
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(localDateTime).Value
            .InZoneLeniently(DateTimeZoneProviders.Tzdb[zone]).ToDateTimeOffset().ToUniversalTime();
}
