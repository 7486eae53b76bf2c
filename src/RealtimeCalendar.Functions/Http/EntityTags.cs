using System.Globalization;

namespace RealtimeCalendar.Functions.Http;

/// <summary>ETags are the event's version; <c>If-Match</c> carries the version the caller last saw.</summary>
public static class EntityTags
{
    public static string Format(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Parses <c>"3"</c>, <c>W/"3"</c> or a bare <c>3</c>; null when absent or not a version.</summary>
    public static long? ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
            return null;

        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
            value = value[2..];
        value = value.Trim('"');
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : null;
    }
}
