using System.Globalization;

namespace RealtimeCalendar.Core.Events;

/// <summary>
/// Event ids are server-made, time-ordered and of one fixed shape, so anything else is rejected before any I/O.
/// An occurrence of a series has Google Calendar API v3's instance id shape: the series id, <c>_</c>, and its original
/// start as <c>yyyyMMdd'T'HHmmss'Z'</c> (UTC), or <c>yyyyMMdd</c> for an all-day series.
/// </summary>
public static class EventIds
{
    public const int Length = 32;

    private const string TimedSuffix = "yyyyMMdd'T'HHmmss'Z'";
    private const string DateSuffix = "yyyyMMdd";

    public static string New() => Guid.CreateVersion7().ToString("N");

    /// <summary>True for a series or single event id (not an occurrence id).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>True for any id an event or an occurrence may have.</summary>
    public static bool IsWellFormedOrInstance(string? id) => IsWellFormed(id) || TryParseInstance(id, out _, out _);

    /// <summary>The id of the occurrence of <paramref name="seriesId"/> that the rule starts at <paramref name="originalStart"/>.</summary>
    public static string Instance(string seriesId, DateTimeOffset originalStart, bool allDay) =>
        seriesId + "_" + originalStart.UtcDateTime.ToString(allDay ? DateSuffix : TimedSuffix, CultureInfo.InvariantCulture);

    /// <summary>Reads an occurrence id back into its series id and original start (UTC; midnight UTC for a date).</summary>
    public static bool TryParseInstance(string? id, out string seriesId, out DateTimeOffset originalStart)
    {
        seriesId = string.Empty;
        originalStart = default;
        if (id is null || id.Length < Length + 2 || id[Length] != '_' || !IsWellFormed(id[..Length]))
            return false;
        var suffix = id[(Length + 1)..];
        var format = suffix.Length == DateSuffix.Length ? DateSuffix : TimedSuffix;
        if (!DateTimeOffset.TryParseExact(suffix, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out originalStart))
            return false;
        seriesId = id[..Length];
        return true;
    }
}
