using RealtimeCalendar.Core.Chat.Tools;
using RealtimeCalendar.Core.TimeZones;

namespace RealtimeCalendar.Core.Tests.Chat;

/// <summary>Times the model writes are read as the user's wall clock, including the days the clocks change.</summary>
public sealed class ToolTimeTests
{
    private static readonly ToolTimeFormat Berlin = new(IanaTimeZones.GetZone("Europe/Berlin"));

    [Theory]
    [InlineData("2026-12-01T12:00", "2026-12-01T11:00:00Z")]
    [InlineData("2026-07-01T12:00", "2026-07-01T10:00:00Z")]
    [InlineData("2026-12-01 12:00:30", "2026-12-01T11:00:30Z")]
    [InlineData("2026-12-01", "2026-11-30T23:00:00Z")]
    [InlineData("2026-12-01T12:00Z", "2026-12-01T12:00:00Z")]
    [InlineData("2026-12-01T12:00:00+05:30", "2026-12-01T06:30:00Z")]
    public void Local_times_are_read_in_the_users_zone_and_explicit_offsets_are_kept(string text, string expectedUtc)
    {
        var (instant, error) = Berlin.ReadInstant(text);

        Assert.Null(error);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Fact]
    public void A_time_the_clocks_skip_is_refused_with_a_reason()
    {
        var (instant, error) = Berlin.ReadInstant("2026-03-29T02:30");

        Assert.Null(instant);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_the_clocks_pass_twice_is_its_first_occurrence()
    {
        var (instant, _) = Berlin.ReadInstant("2026-10-25T02:30");

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), instant);
    }

    [Theory]
    [InlineData("next tuesday")]
    [InlineData("2026-13-01T10:00")]
    [InlineData("12:00")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_that_is_not_a_time_is_refused_with_an_example(string? text)
    {
        var (instant, error) = Berlin.ReadInstant(text);

        Assert.Null(instant);
        Assert.Contains("2026-12-01T12:00", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Instants_are_written_as_local_wall_clock_with_offset()
    {
        Assert.Equal("2026-12-01T12:00+01:00", Berlin.WriteInstant(new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2026-07-01T12:00+02:00", Berlin.WriteInstant(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Now_is_described_with_weekday_date_and_offset()
    {
        Assert.Equal("Thursday 2026-11-26 11:18 (UTC+01:00)", Berlin.DescribeNow(new DateTimeOffset(2026, 11, 26, 10, 18, 0, TimeSpan.Zero)));
    }
}
