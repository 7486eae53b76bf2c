using RealtimeCalendar.Core.TimeZones;

namespace RealtimeCalendar.Core.Tests.TimeZones;

/// <summary>Zone ids are read from the product's own TZDB: any id a browser reports, in any case, stored one way.</summary>
public sealed class IanaTimeZoneTests
{
    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData("EUROPE/BERLIN", "Europe/Berlin")]
    [InlineData("Asia/Calcutta", "Asia/Calcutta")]
    [InlineData("asia/kolkata", "Asia/Kolkata")]
    [InlineData("US/Pacific", "US/Pacific")]
    [InlineData("us/pacific", "US/Pacific")]
    [InlineData("Europe/Kiev", "Europe/Kiev")]
    [InlineData("Europe/Kyiv", "Europe/Kyiv")]
    [InlineData("Europe/Stockholm", "Europe/Stockholm")]
    [InlineData("america/argentina/buenos_aires", "America/Argentina/Buenos_Aires")]
    [InlineData("america/port-au-prince", "America/Port-au-Prince")]
    [InlineData("utc", "UTC")]
    [InlineData("Etc/UTC", "Etc/UTC")]
    [InlineData("etc/gmt+5", "Etc/GMT+5")]
    [InlineData("GMT", "GMT")]
    public void Known_ids_in_any_case_give_the_tzdb_spelling(string id, string canonical)
    {
        Assert.True(IanaTimeZones.TryGetCanonicalId(id, out var stored));
        Assert.Equal(canonical, stored);
        Assert.Equal(canonical, IanaTimeZones.GetZone(id).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" Europe/Berlin")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("+02:00")]
    [InlineData("../../etc/passwd")]
    [InlineData("Europe//Berlin")]
    [InlineData("posix/Europe/Berlin")]
    [InlineData("right/UTC")]
    [InlineData("localtime")]
    [InlineData("Factory")]
    [InlineData(null)]
    public void Anything_tzdb_does_not_name_is_unknown(string? id)
    {
        Assert.False(IanaTimeZones.TryGetCanonicalId(id, out _));
        Assert.False(IanaTimeZones.IsKnown(id));
    }

    [Fact]
    public void An_unknown_id_asked_for_as_a_zone_throws_argument_exception() =>
        Assert.Throws<ArgumentException>(() => IanaTimeZones.GetZone("Mars/Olympus_Mons"));

    [Fact]
    public void No_two_ids_differ_only_in_case_so_one_spelling_is_stored()
    {
        var ids = IanaTimeZones.Ids.ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, id => Assert.Equal(id, IanaTimeZones.GetZone(id.ToUpperInvariant()).Id));
    }

    [Fact]
    public void Links_keep_their_own_name_and_the_rules_of_their_target()
    {
        var calcutta = IanaTimeZones.GetZone("Asia/Calcutta");
        var kolkata = IanaTimeZones.GetZone("Asia/Kolkata");
        var summer = NodaTime.Instant.FromUtc(2026, 7, 1, 12, 0);

        Assert.Equal("Asia/Calcutta", calcutta.Id);
        Assert.Equal(kolkata.GetUtcOffset(summer), calcutta.GetUtcOffset(summer));
        Assert.Equal(NodaTime.Offset.FromHours(-7), IanaTimeZones.GetZone("US/Pacific").GetUtcOffset(summer));
    }

    [Fact]
    public void The_database_is_the_embedded_tzdb_release() =>
        Assert.Matches("^[0-9]{4}[a-z]$", IanaTimeZones.DatabaseVersion);
}
