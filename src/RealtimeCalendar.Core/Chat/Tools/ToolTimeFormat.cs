using System.Globalization;

namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>
/// How times travel between the tools and the model: wall-clock date-times in the user's zone
/// (<c>2026-12-01T12:00</c>), dates for all-day events (<c>2026-12-01</c>). Models resolve "next Tuesday at noon" far
/// more reliably into local wall-clock text than into UTC instants; the conversion happens here, in one place.
/// </summary>
public sealed class ToolTimeFormat(TimeZoneInfo zone)
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>Reads a date (<c>yyyy-MM-dd</c>) as that day's date; null when the text is not a plain date.</summary>
    public static DateOnly? ReadDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>
    /// Reads a local date-time (or a date, meaning its midnight) in the user's zone, or an instant with an explicit
    /// offset. Returns the instant, or an error a model can act on.
    /// </summary>
    public (DateTimeOffset? Instant, string? Error) ReadInstant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, "A time is required, as a local date-time like 2026-12-01T12:00.");

        text = text.Trim();
        if (ReadDate(text) is { } date)
            return ResolveLocal(date.ToDateTime(TimeOnly.MinValue), text);

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return ResolveLocal(local, text);

        if (HasExplicitOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return (instant.ToUniversalTime(), null);

        return (null, $"'{text}' is not a date-time; write local times like 2026-12-01T12:00 (or 2026-12-01 for a date).");
    }

    /// <summary>Writes an instant as the user's wall-clock time, with its offset so the model cannot misread it.</summary>
    public string WriteInstant(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    /// <summary>Writes the UTC midnight an all-day event is stored at as its calendar date.</summary>
    public static string WriteDate(DateTimeOffset utcMidnight) =>
        DateOnly.FromDateTime(utcMidnight.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The user's current wall-clock time, written for the model's instructions.</summary>
    public string DescribeNow(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone);
        return local.ToString("dddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            + " (UTC" + local.ToString("zzz", CultureInfo.InvariantCulture) + ")";
    }

    private (DateTimeOffset? Instant, string? Error) ResolveLocal(DateTime local, string text)
    {
        if (Zone.IsInvalidTime(local))
            return (null, $"{text} does not exist in {Zone.Id} (the clocks skip it); pick another time.");

        // A time the clocks pass twice (autumn) is read as its first occurrence, as calendar apps do.
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return (new DateTimeOffset(local, offset).ToUniversalTime(), null);
    }

    private static bool HasExplicitOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
