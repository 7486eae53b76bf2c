using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Recurrence;

namespace RealtimeCalendar.Core.Tests.Recurrence;

public sealed class RecurrenceValidationTests
{
    private static readonly DateTimeOffset Start = SeriesExpansionTests.Local("2026-12-01T09:00", "Europe/Berlin");

    [Theory]
    [InlineData("RRULE:FREQ=FORTNIGHTLY", "recurrence[0]", "FREQ")]
    [InlineData("RRULE:INTERVAL=2", "recurrence[0]", "FREQ")]
    [InlineData("RRULE:FREQ=DAILY;COUNT=3;UNTIL=20261231T000000Z", "recurrence[0]", "COUNT or UNTIL")]
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=6MO", "recurrence[0]", "ordinal 6")]
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=0MO", "recurrence[0]", "ordinal 0")]
    [InlineData("RRULE:FREQ=YEARLY;BYDAY=54MO", "recurrence[0]", "ordinal 54")]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=2TU", "recurrence[0]", "only FREQ=MONTHLY or FREQ=YEARLY")]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=XX", "recurrence[0]", "BYDAY")]
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTHDAY=32", "recurrence[0]", "BYMONTHDAY")]
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTHDAY=-32", "recurrence[0]", "BYMONTHDAY")]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=13", "recurrence[0]", "BYMONTH")]
    [InlineData("RRULE:FREQ=MONTHLY;BYSETPOS=1", "recurrence[0]", "BYSETPOS needs another")]
    [InlineData("RRULE:FREQ=WEEKLY;WKST=XY", "recurrence[0]", "WKST")]
    [InlineData("RRULE:FREQ=DAILY;BYHOUR=9,17", "recurrence[0]", "BYHOUR")]
    [InlineData("RRULE:FREQ=DAILY;COUNT=0", "recurrence[0]", "COUNT")]
    [InlineData("RRULE:FREQ=DAILY;COUNT=5001", "recurrence[0]", "COUNT")]
    [InlineData("RRULE:FREQ=DAILY;INTERVAL=-1", "recurrence[0]", "INTERVAL")]
    [InlineData("RRULE:FREQ=DAILY;FREQ=WEEKLY", "recurrence[0]", "twice")]
    [InlineData("RRULE:FREQ=DAILY;X-NAME=1", "recurrence[0]", "not an RFC 5545 rule part")]
    [InlineData("RRULE:FREQ=DAILY;UNTIL=20261231T000000", "recurrence[0]", "UNTIL")]
    [InlineData("RRULE:FREQ=WEEKLY;BYMONTHDAY=1", "recurrence[0]", "BYMONTHDAY may not be used with FREQ=WEEKLY")]
    [InlineData("RRULE:FREQ=MONTHLY;BYWEEKNO=20", "recurrence[0]", "BYWEEKNO may only")]
    [InlineData("EXRULE:FREQ=DAILY", "recurrence[0]", "EXRULE")]
    [InlineData("DTSTART:20261201T090000Z", "recurrence[0]", "Unknown recurrence line")]
    [InlineData("EXDATE;TZID=Mars/Olympus:20261202T090000", "recurrence[0]", "TZID")]
    [InlineData("EXDATE:20261202T090000", "recurrence[0]", "floating")]
    [InlineData("RDATE;VALUE=PERIOD:20261202T090000Z/PT1H", "recurrence[0]", "VALUE=PERIOD")]
    public void A_bad_recurrence_line_is_refused_naming_the_line_and_the_part(string line, string field, string mentions)
    {
        var errors = new List<ValidationError>();

        var recurrence = RecurrenceParser.Parse(line.StartsWith("RRULE", StringComparison.Ordinal) ? [line] : ["RRULE:FREQ=DAILY", line], errors);

        Assert.Null(recurrence);
        var error = Assert.Single(errors);
        Assert.Equal(line.StartsWith("RRULE", StringComparison.Ordinal) ? field : "recurrence[1]", error.Field);
        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SubDailyRules))]
    public void Sub_daily_rules_from_the_rfc_are_refused(string line)
    {
        var errors = new List<ValidationError>();

        Assert.Null(RecurrenceParser.Parse([line], errors));
        Assert.Contains("at most DAILY", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> SubDailyRules() => new(Rfc5545Examples.SubDailyRules);

    [Fact]
    public void More_than_one_rrule_is_refused()
    {
        var errors = new List<ValidationError>();

        Assert.Null(RecurrenceParser.Parse(["RRULE:FREQ=DAILY", "RRULE:FREQ=WEEKLY"], errors));
        Assert.Equal("recurrence[1]", Assert.Single(errors).Field);
    }

    [Fact]
    public void An_empty_recurrence_and_one_without_rule_or_rdate_are_refused()
    {
        var errors = new List<ValidationError>();
        Assert.Null(RecurrenceParser.Parse([], errors));
        Assert.Null(RecurrenceParser.Parse(["EXDATE:20261202T090000Z"], errors));
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Too_many_exception_dates_are_refused()
    {
        var dates = string.Join(',', Enumerable.Range(0, RecurrenceLimits.MaxDateEntries + 1).Select(i => Start.AddDays(i).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
        var errors = new List<ValidationError>();

        Assert.Null(RecurrenceParser.Parse(["RRULE:FREQ=DAILY", "EXDATE:" + dates], errors));
        Assert.Contains("at most", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_are_stored_in_one_spelling()
    {
        var errors = new List<ValidationError>();

        var recurrence = RecurrenceParser.Parse(["rrule:freq=weekly;byday=mo,th", "exdate;tzid=europe/berlin:20261207T090000", "RDATE;TZID=Asia/Calcutta:20261224T180000"], errors);

        Assert.Empty(errors);
        Assert.Equal(["RRULE:FREQ=WEEKLY;BYDAY=MO,TH", "EXDATE;TZID=Europe/Berlin:20261207T090000", "RDATE;TZID=Asia/Calcutta:20261224T180000"], recurrence!.Lines);
    }

    [Theory]
    [InlineData("RRULE:FREQ=DAILY;UNTIL=20261130T000000Z", "before the series' start")]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "never occurs")]
    [InlineData("RRULE:FREQ=DAILY;UNTIL=20261231", "UTC date-time")]
    public void A_rule_that_cannot_fit_the_series_is_refused(string line, string mentions)
    {
        var errors = new List<ValidationError>();
        var recurrence = RecurrenceParser.Parse([line], errors)!;

        Assert.Null(SeriesSchedule.Create("s", Start, Start.AddHours(1), allDay: false, "Europe/Berlin", recurrence, errors));
        Assert.Contains(mentions, Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_whose_every_occurrence_is_excluded_is_refused()
    {
        var errors = new List<ValidationError>();
        var recurrence = RecurrenceParser.Parse(["RRULE:FREQ=DAILY;COUNT=1", "EXDATE:20261201T080000Z"], errors)!;

        Assert.Null(SeriesSchedule.Create("s", Start, Start.AddHours(1), allDay: false, "Europe/Berlin", recurrence, errors));
        Assert.Contains("no occurrence", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_never_echoes_half_a_surrogate_pair()
    {
        var errors = new List<ValidationError>();
        var line = "RRULE:FREQ=" + new string('a', 37) + "😀😀😀";

        RecurrenceParser.Parse([line], errors);

        var message = Assert.Single(errors).Message;
        Assert.Contains("😀…", message, StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(message)) == message, "the message holds a lone surrogate");
    }
}
