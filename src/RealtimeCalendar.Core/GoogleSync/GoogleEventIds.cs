using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// Maps Google event ids to ours without a lookup table. Events we push are inserted under our own id (32 lowercase
/// hex digits are valid Google ids), so they map to themselves; an event made in Google maps to a hash of its id.
/// Either way the same Google event always lands on the same local event, which is what prevents duplicates.
/// An instance of a series is addressed on Google by <see cref="Instance"/>; locally an override's id is our series id
/// with the same suffix (<see cref="EventIds.Instance"/>), so a series pushed from here has the very same instance ids.
/// </summary>
public static class GoogleEventIds
{
    public static string ToLocalId(string googleEventId) =>
        EventIds.IsWellFormed(googleEventId)
            ? googleEventId
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("google:" + googleEventId)).AsSpan(0, EventIds.Length / 2));

    /// <summary>
    /// Google's id of the instance of series <paramref name="googleSeriesId"/> that the rule starts at
    /// <paramref name="originalStart"/>: <c>{seriesId}_{yyyyMMdd'T'HHmmss'Z'}</c> (UTC), or <c>{seriesId}_{yyyyMMdd}</c> for an
    /// all-day series. Google answers 404 for any other spelling (lowercase included).
    /// </summary>
    public static string Instance(string googleSeriesId, DateTimeOffset originalStart, bool allDay) =>
        googleSeriesId + "_" + originalStart.UtcDateTime.ToString(allDay ? "yyyyMMdd" : "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
