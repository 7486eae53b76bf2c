using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Tests.Validation;

public sealed class EventValidationTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static EventDraft Valid() => new("Standup", Nine, Nine.AddMinutes(15), false, "Europe/Berlin", "Daily", "Room 1");

    private static IReadOnlyList<string> RejectedFields(EventDraft draft) =>
        [.. EventValidator.Validate(draft).Select(e => e.Field)];

    [Fact]
    public void A_complete_timed_event_is_valid() => Assert.Empty(EventValidator.Validate(Valid()));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_title_is_rejected(string? title) =>
        Assert.Equal(["title"], RejectedFields(Valid() with { Title = title }));

    [Fact]
    public void Title_longer_than_the_limit_is_rejected()
    {
        Assert.Empty(EventValidator.Validate(Valid() with { Title = new string('a', EventLimits.TitleMaxLength) }));
        Assert.Equal(["title"], RejectedFields(Valid() with { Title = new string('a', EventLimits.TitleMaxLength + 1) }));
    }

    [Fact]
    public void Control_characters_in_title_are_rejected() =>
        Assert.Equal(["title"], RejectedFields(Valid() with { Title = "bell\u0007" }));

    [Fact]
    public void Line_breaks_are_allowed_in_description_but_not_in_title()
    {
        Assert.Empty(EventValidator.Validate(Valid() with { Description = "line one\nline two" }));
        Assert.Equal(["title"], RejectedFields(Valid() with { Title = "line one\nline two" }));
    }

    [Fact]
    public void Lone_surrogate_is_rejected_but_emoji_is_fine()
    {
        Assert.Empty(EventValidator.Validate(Valid() with { Title = "Party \U0001F389" }));
        Assert.Equal(["location"], RejectedFields(Valid() with { Location = "broken \uD83D" }));
    }

    [Fact]
    public void Oversize_description_and_location_are_rejected() =>
        Assert.Equal(
            ["location", "description"],
            RejectedFields(Valid() with
            {
                Location = new string('l', EventLimits.LocationMaxLength + 1),
                Description = new string('d', EventLimits.DescriptionMaxLength + 1),
            }));

    [Fact]
    public void End_before_start_is_rejected() =>
        Assert.Equal(["end"], RejectedFields(Valid() with { End = Nine.AddMinutes(-1) }));

    [Fact]
    public void End_equal_to_start_is_rejected() =>
        Assert.Equal(["end"], RejectedFields(Valid() with { End = Nine }));

    [Fact]
    public void Missing_start_and_end_are_both_named() =>
        Assert.Equal(["start", "end"], RejectedFields(Valid() with { Start = null, End = null }));

    [Fact]
    public void Event_longer_than_a_year_is_rejected() =>
        Assert.Equal(["end"], RejectedFields(Valid() with { End = Nine.AddDays(367) }));

    [Fact]
    public void Dates_outside_the_supported_years_are_rejected() =>
        Assert.Equal(["start"], RejectedFields(Valid() with { Start = new DateTimeOffset(1899, 12, 31, 23, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(1900, 1, 1, 1, 0, 0, TimeSpan.Zero) }));

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("+02:00")]
    [InlineData("../../etc/passwd")]
    [InlineData("Europe//Berlin")]
    [InlineData("posix/Europe/Berlin")]
    [InlineData("right/UTC")]
    [InlineData("localtime")]
    [InlineData("Factory")]
    public void Unknown_or_non_iana_time_zone_is_rejected(string zone) =>
        Assert.Equal(["timeZone"], RejectedFields(Valid() with { TimeZone = zone }));

    [Fact]
    public void Missing_time_zone_is_rejected() =>
        Assert.Equal(["timeZone"], RejectedFields(Valid() with { TimeZone = null }));

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Kolkata")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("America/Port-au-Prince")]
    [InlineData("Etc/GMT+5")]
    [InlineData("Asia/Calcutta")]
    [InlineData("US/Pacific")]
    [InlineData("Europe/Kiev")]
    [InlineData("europe/berlin")]
    public void Iana_time_zones_are_accepted(string zone) =>
        Assert.Empty(EventValidator.Validate(Valid() with { TimeZone = zone }));

    [Fact]
    public void All_day_event_on_utc_midnights_is_valid()
    {
        var day = new DateTimeOffset(2026, 12, 24, 0, 0, 0, TimeSpan.Zero);
        Assert.Empty(EventValidator.Validate(Valid() with { AllDay = true, Start = day, End = day.AddDays(2) }));
    }

    [Fact]
    public void All_day_event_off_midnight_is_rejected() =>
        Assert.Equal(["start", "end"], RejectedFields(Valid() with { AllDay = true }));

    [Fact]
    public void Every_problem_is_reported_at_once() =>
        Assert.Equal(
            ["title", "timeZone", "end"],
            RejectedFields(new EventDraft("", Nine, Nine.AddHours(-1), false, "Nowhere/Land", null, null)));
}
