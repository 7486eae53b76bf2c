namespace RealtimeCalendar.Core.Tests.Recurrence;

/// <summary>
/// The recurrence examples printed in RFC 5545 section 3.8.5.3, as data: DTSTART (local time in
/// America/New_York, as the RFC writes them), the recurrence lines, and the first occurrences the RFC lists (local
/// times, same zone). Shared by the Core expansion test and the HTTP API test.
/// </summary>
public static class Rfc5545Examples
{
    public const string Zone = "America/New_York";

    public sealed record Example(string Name, string Start, string[] Recurrence, string[] Occurrences);

    public static readonly Example[] All =
    [
        new("Daily for 10 occurrences", "1997-09-02T09:00", ["RRULE:FREQ=DAILY;COUNT=10"],
            Days("1997-09-0", 2, 9, "1997-09-1", 0, 1)),
        new("Every other day, forever", "1997-09-02T09:00", ["RRULE:FREQ=DAILY;INTERVAL=2"],
            ["1997-09-02T09:00", "1997-09-04T09:00", "1997-09-06T09:00", "1997-09-08T09:00", "1997-09-10T09:00"]),
        new("Every 10 days, 5 occurrences", "1997-09-02T09:00", ["RRULE:FREQ=DAILY;INTERVAL=10;COUNT=5"],
            ["1997-09-02T09:00", "1997-09-12T09:00", "1997-09-22T09:00", "1997-10-02T09:00", "1997-10-12T09:00"]),
        new("Weekly for 10 occurrences (across the end of DST)", "1997-09-02T09:00", ["RRULE:FREQ=WEEKLY;COUNT=10"],
            ["1997-09-02T09:00", "1997-09-09T09:00", "1997-09-16T09:00", "1997-09-23T09:00", "1997-09-30T09:00",
             "1997-10-07T09:00", "1997-10-14T09:00", "1997-10-21T09:00", "1997-10-28T09:00", "1997-11-04T09:00"]),
        new("Weekly on Tuesday and Thursday for five weeks", "1997-09-02T09:00", ["RRULE:FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH"],
            ["1997-09-02T09:00", "1997-09-04T09:00", "1997-09-09T09:00", "1997-09-11T09:00", "1997-09-16T09:00",
             "1997-09-18T09:00", "1997-09-23T09:00", "1997-09-25T09:00", "1997-09-30T09:00", "1997-10-02T09:00"]),
        new("Every other week on Monday, Wednesday and Friday until 24 December 1997", "1997-09-01T09:00",
            ["RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR"],
            ["1997-09-01T09:00", "1997-09-03T09:00", "1997-09-05T09:00", "1997-09-15T09:00", "1997-09-17T09:00",
             "1997-09-19T09:00", "1997-09-29T09:00", "1997-10-01T09:00", "1997-10-03T09:00", "1997-10-13T09:00",
             "1997-10-15T09:00", "1997-10-17T09:00", "1997-10-27T09:00", "1997-10-29T09:00", "1997-10-31T09:00",
             "1997-11-10T09:00", "1997-11-12T09:00", "1997-11-14T09:00", "1997-11-24T09:00", "1997-11-26T09:00",
             "1997-11-28T09:00", "1997-12-08T09:00", "1997-12-10T09:00", "1997-12-12T09:00", "1997-12-22T09:00"]),
        new("Every other week on Tuesday and Thursday, 8 occurrences", "1997-09-02T09:00", ["RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH"],
            ["1997-09-02T09:00", "1997-09-04T09:00", "1997-09-16T09:00", "1997-09-18T09:00", "1997-09-30T09:00",
             "1997-10-02T09:00", "1997-10-14T09:00", "1997-10-16T09:00"]),
        new("Monthly on the first Friday for 10 occurrences", "1997-09-05T09:00", ["RRULE:FREQ=MONTHLY;COUNT=10;BYDAY=1FR"],
            ["1997-09-05T09:00", "1997-10-03T09:00", "1997-11-07T09:00", "1997-12-05T09:00", "1998-01-02T09:00",
             "1998-02-06T09:00", "1998-03-06T09:00", "1998-04-03T09:00", "1998-05-01T09:00", "1998-06-05T09:00"]),
        new("Every other month on the first and last Sunday, 10 occurrences", "1997-09-07T09:00", ["RRULE:FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU"],
            ["1997-09-07T09:00", "1997-09-28T09:00", "1997-11-02T09:00", "1997-11-30T09:00", "1998-01-04T09:00",
             "1998-01-25T09:00", "1998-03-01T09:00", "1998-03-29T09:00", "1998-05-03T09:00", "1998-05-31T09:00"]),
        new("Monthly on the second-to-last Monday for 6 months", "1997-09-22T09:00", ["RRULE:FREQ=MONTHLY;COUNT=6;BYDAY=-2MO"],
            ["1997-09-22T09:00", "1997-10-20T09:00", "1997-11-17T09:00", "1997-12-22T09:00", "1998-01-19T09:00", "1998-02-16T09:00"]),
        new("Monthly on the third-to-last day, forever", "1997-09-28T09:00", ["RRULE:FREQ=MONTHLY;BYMONTHDAY=-3"],
            ["1997-09-28T09:00", "1997-10-29T09:00", "1997-11-28T09:00", "1997-12-29T09:00", "1998-01-29T09:00", "1998-02-26T09:00"]),
        new("Monthly on the 2nd and 15th for 10 occurrences", "1997-09-02T09:00", ["RRULE:FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15"],
            ["1997-09-02T09:00", "1997-09-15T09:00", "1997-10-02T09:00", "1997-10-15T09:00", "1997-11-02T09:00",
             "1997-11-15T09:00", "1997-12-02T09:00", "1997-12-15T09:00", "1998-01-02T09:00", "1998-01-15T09:00"]),
        new("Monthly on the first and last day for 10 occurrences", "1997-09-30T09:00", ["RRULE:FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1"],
            ["1997-09-30T09:00", "1997-10-01T09:00", "1997-10-31T09:00", "1997-11-01T09:00", "1997-11-30T09:00",
             "1997-12-01T09:00", "1997-12-31T09:00", "1998-01-01T09:00", "1998-01-31T09:00", "1998-02-01T09:00"]),
        new("Every 18 months on the 10th to 15th, 10 occurrences", "1997-09-10T09:00", ["RRULE:FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15"],
            ["1997-09-10T09:00", "1997-09-11T09:00", "1997-09-12T09:00", "1997-09-13T09:00", "1997-09-14T09:00",
             "1997-09-15T09:00", "1999-03-10T09:00", "1999-03-11T09:00", "1999-03-12T09:00", "1999-03-13T09:00"]),
        new("Every Tuesday, every other month", "1997-09-02T09:00", ["RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=TU"],
            ["1997-09-02T09:00", "1997-09-09T09:00", "1997-09-16T09:00", "1997-09-23T09:00", "1997-09-30T09:00",
             "1997-11-04T09:00", "1997-11-11T09:00", "1997-11-18T09:00", "1997-11-25T09:00", "1998-01-06T09:00"]),
        new("Yearly in June and July for 10 occurrences", "1997-06-10T09:00", ["RRULE:FREQ=YEARLY;COUNT=10;BYMONTH=6,7"],
            ["1997-06-10T09:00", "1997-07-10T09:00", "1998-06-10T09:00", "1998-07-10T09:00", "1999-06-10T09:00",
             "1999-07-10T09:00", "2000-06-10T09:00", "2000-07-10T09:00", "2001-06-10T09:00", "2001-07-10T09:00"]),
        new("Every other year in January, February and March, 10 occurrences", "1997-03-10T09:00", ["RRULE:FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3"],
            ["1997-03-10T09:00", "1999-01-10T09:00", "1999-02-10T09:00", "1999-03-10T09:00", "2001-01-10T09:00",
             "2001-02-10T09:00", "2001-03-10T09:00", "2003-01-10T09:00", "2003-02-10T09:00", "2003-03-10T09:00"]),
        new("Every third year on the 1st, 100th and 200th day, 10 occurrences", "1997-01-01T09:00", ["RRULE:FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200"],
            ["1997-01-01T09:00", "1997-04-10T09:00", "1997-07-19T09:00", "2000-01-01T09:00", "2000-04-09T09:00",
             "2000-07-18T09:00", "2003-01-01T09:00", "2003-04-10T09:00", "2003-07-19T09:00", "2006-01-01T09:00"]),
        new("Every 20th Monday of the year, forever", "1997-05-19T09:00", ["RRULE:FREQ=YEARLY;BYDAY=20MO"],
            ["1997-05-19T09:00", "1998-05-18T09:00", "1999-05-17T09:00"]),
        new("Monday of week number 20, forever", "1997-05-12T09:00", ["RRULE:FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO"],
            ["1997-05-12T09:00", "1998-05-11T09:00", "1999-05-17T09:00"]),
        new("Every Thursday in March, forever", "1997-03-13T09:00", ["RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=TH"],
            ["1997-03-13T09:00", "1997-03-20T09:00", "1997-03-27T09:00", "1998-03-05T09:00", "1998-03-12T09:00",
             "1998-03-19T09:00", "1998-03-26T09:00", "1999-03-04T09:00", "1999-03-11T09:00", "1999-03-18T09:00", "1999-03-25T09:00"]),
        new("Every Thursday in June, July and August, forever", "1997-06-05T09:00", ["RRULE:FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8"],
            ["1997-06-05T09:00", "1997-06-12T09:00", "1997-06-19T09:00", "1997-06-26T09:00", "1997-07-03T09:00",
             "1997-07-10T09:00", "1997-07-17T09:00", "1997-07-24T09:00", "1997-07-31T09:00", "1997-08-07T09:00",
             "1997-08-14T09:00", "1997-08-21T09:00", "1997-08-28T09:00", "1998-06-04T09:00"]),
        new("Every Friday the 13th, excluding DTSTART", "1997-09-02T09:00",
            ["EXDATE;TZID=America/New_York:19970902T090000", "RRULE:FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13"],
            ["1998-02-13T09:00", "1998-03-13T09:00", "1998-11-13T09:00", "1999-08-13T09:00", "2000-10-13T09:00"]),
        new("The first Saturday that follows the first Sunday of the month", "1997-09-13T09:00", ["RRULE:FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13"],
            ["1997-09-13T09:00", "1997-10-11T09:00", "1997-11-08T09:00", "1997-12-13T09:00", "1998-01-10T09:00",
             "1998-02-07T09:00", "1998-03-07T09:00", "1998-04-11T09:00", "1998-05-09T09:00", "1998-06-13T09:00"]),
        new("US Presidential Election day, every 4 years", "1996-11-05T09:00", ["RRULE:FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8"],
            ["1996-11-05T09:00", "2000-11-07T09:00", "2004-11-02T09:00"]),
        new("The third Tuesday, Wednesday or Thursday of the month, for 3 months", "1997-09-04T09:00", ["RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3"],
            ["1997-09-04T09:00", "1997-10-07T09:00", "1997-11-06T09:00"]),
        new("The second-to-last weekday of the month", "1997-09-29T09:00", ["RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2"],
            ["1997-09-29T09:00", "1997-10-30T09:00", "1997-11-27T09:00", "1997-12-30T09:00", "1998-01-29T09:00",
             "1998-02-26T09:00", "1998-03-30T09:00"]),
        new("WKST=MO: every other week on Tuesday and Sunday, 4 occurrences", "1997-08-05T09:00", ["RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO"],
            ["1997-08-05T09:00", "1997-08-10T09:00", "1997-08-19T09:00", "1997-08-24T09:00"]),
        new("WKST=SU: the same rule gives other days", "1997-08-05T09:00", ["RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU"],
            ["1997-08-05T09:00", "1997-08-17T09:00", "1997-08-19T09:00", "1997-08-31T09:00"]),
        new("An invalid date (30 February) is ignored", "2007-01-15T09:00", ["RRULE:FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5"],
            ["2007-01-15T09:00", "2007-01-30T09:00", "2007-02-15T09:00", "2007-03-15T09:00", "2007-03-30T09:00"]),
    ];

    /// <summary>The RFC examples with HOURLY, MINUTELY or SECONDLY rules: valid RFC 5545, refused by a calendar.</summary>
    public static readonly string[] SubDailyRules =
    [
        "RRULE:FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z",
        "RRULE:FREQ=MINUTELY;INTERVAL=15;COUNT=6",
        "RRULE:FREQ=MINUTELY;INTERVAL=90;COUNT=4",
        "RRULE:FREQ=SECONDLY;COUNT=10",
    ];

    private static string[] Days(string prefix1, int from1, int to1, string prefix2, int from2, int to2) =>
        Enumerable.Range(from1, to1 - from1 + 1).Select(d => $"{prefix1}{d}T09:00")
            .Concat(Enumerable.Range(from2, to2 - from2 + 1).Select(d => $"{prefix2}{d}T09:00"))
            .ToArray();
}
