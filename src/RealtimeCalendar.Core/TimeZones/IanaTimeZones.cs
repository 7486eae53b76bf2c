using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.TimeZones;

namespace RealtimeCalendar.Core.TimeZones;

/// <summary>
/// The IANA time zones the product knows: the TZDB release embedded in NodaTime (<see cref="DatabaseVersion"/>), never
/// the host's zone files. Lambda's <c>provided:al2023</c> image has no <c>/usr/share/zoneinfo</c>, and .NET's own
/// look-up is case-insensitive only once a zone is cached, so a host look-up made a zone id valid in one process and
/// invalid in the next. Here an id is either known in every process or in none.
/// </summary>
/// <remarks>
/// Every id TZDB names is accepted, backward links included (<c>Asia/Calcutta</c>, <c>US/Pacific</c>,
/// <c>Europe/Kiev</c>: browsers report them, <c>Intl.DateTimeFormat().resolvedOptions().timeZone</c> follows ICU's
/// older names), in any letter case. The one stored spelling is the id exactly as TZDB writes it, a link kept as the
/// link rather than resolved to its target: TZDB has merged zones that agree since 1970 into links, so resolving would
/// store <c>Europe/Berlin</c> for a user in Stockholm and <c>Europe/Brussels</c> for one in Amsterdam; the user expects
/// to read back the zone their browser named.
/// </remarks>
public static class IanaTimeZones
{
    private static readonly IDateTimeZoneProvider Provider = DateTimeZoneProviders.Tzdb;

    // TZDB has no two ids that differ only in case (a test holds that), so this map is one-to-one.
    private static readonly FrozenDictionary<string, string> CanonicalIds =
        Provider.Ids.ToFrozenDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The TZDB release the zones come from, such as <c>2026f</c>.</summary>
    public static string DatabaseVersion => TzdbDateTimeZoneSource.Default.TzdbVersion;

    /// <summary>Every id accepted, each in its canonical spelling.</summary>
    public static IReadOnlyCollection<string> Ids => CanonicalIds.Values;

    /// <summary>
    /// The canonical spelling of an IANA zone id given in any letter case (<c>europe/berlin</c> gives
    /// <c>Europe/Berlin</c>); false for anything TZDB does not name (Windows ids, offsets, file paths, null).
    /// </summary>
    public static bool TryGetCanonicalId(string? id, [NotNullWhen(true)] out string? canonicalId)
    {
        canonicalId = null;
        return id is not null && CanonicalIds.TryGetValue(id, out canonicalId);
    }

    /// <summary>True when <see cref="TryGetCanonicalId"/> knows the id.</summary>
    public static bool IsKnown(string? id) => TryGetCanonicalId(id, out _);

    /// <summary>
    /// The zone for an id in any letter case; its <see cref="DateTimeZone.Id"/> is the canonical spelling.
    /// Throws <see cref="ArgumentException"/> for an id <see cref="IsKnown"/> refuses: validate input first.
    /// </summary>
    public static DateTimeZone GetZone(string id) =>
        TryGetCanonicalId(id, out var canonicalId)
            ? Provider[canonicalId]
            : throw new ArgumentException($"'{id}' is not an IANA time zone id known to TZDB {DatabaseVersion}.", nameof(id));
}
