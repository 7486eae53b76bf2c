using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Tests.Validation;

public sealed class TimeRangeTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-48, -24, false)] // wholly before
    [InlineData(-24, 0, false)] // ends exactly at the range start
    [InlineData(-24, 1, true)] // straddles the start
    [InlineData(10, 20, true)] // inside
    [InlineData(-24, 24 * 40, true)] // encloses the whole range
    public void Overlap_is_half_open(int startHours, int endHours, bool expected)
    {
        var range = new TimeRange(From, To);
        Assert.Equal(expected, range.Overlaps(From.AddHours(startHours), From.AddHours(endHours)));
    }

    [Fact]
    public void Event_starting_exactly_at_the_range_end_is_outside() =>
        Assert.False(new TimeRange(From, To).Overlaps(To, To.AddHours(1)));

    [Fact]
    public void Missing_bounds_and_inverted_or_huge_ranges_are_rejected()
    {
        Assert.Equal("from", TimeRange.Check(null, To)?.Field);
        Assert.Equal("to", TimeRange.Check(From, null)?.Field);
        Assert.Equal("to", TimeRange.Check(To, From)?.Field);
        Assert.Equal("to", TimeRange.Check(From, From.AddDays(400))?.Field);
        Assert.Null(TimeRange.Check(From, To));
    }
}
