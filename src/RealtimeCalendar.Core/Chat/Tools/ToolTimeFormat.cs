using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>
/// How times travel between the tools and the model: wall-clock date-times in the user's zone
/// (<c>2026-12-01T12:00</c>), dates for all-day events (<c>2026-12-01</c>). Models resolve "next Tuesday at noon" far
/// more reliably into local wall-clock text than into UTC instants; the conversion happens here, in one place.
/// </summary>
public sealed class ToolTimeFormat(DateTimeZone zone)
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
    private static readonly OffsetDateTimePattern InstantPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<m>");
    private static readonly LocalDateTimePattern NowPattern = LocalDateTimePattern.CreateWithInvariantCulture("dddd uuuu'-'MM'-'dd HH':'mm");
    private static readonly OffsetPattern NowOffsetPattern = OffsetPattern.CreateWithInvariantCulture("m");

    /// <summary>The user's zone, from <see cref="TimeZones.IanaTimeZones"/>; its id is the canonical spelling.</summary>
    public DateTimeZone Zone { get; } = zone;

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
        InstantPattern.Format(Instant.FromDateTimeOffset(instant).InZone(Zone).ToOffsetDateTime());

    /// <summary>Writes the UTC midnight an all-day event is stored at as its calendar date.</summary>
    public static string WriteDate(DateTimeOffset utcMidnight) =>
        DateOnly.FromDateTime(utcMidnight.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The user's current wall-clock time, written for the model's instructions.</summary>
    public string DescribeNow(DateTimeOffset now)
    {
        var local = Instant.FromDateTimeOffset(now).InZone(Zone);
        return NowPattern.Format(local.LocalDateTime) + " (UTC" + NowOffsetPattern.Format(local.Offset) + ")";
    }

    private (DateTimeOffset? Instant, string? Error) ResolveLocal(DateTime local, string text)
    {
        var mapping = Zone.MapLocal(LocalDateTime.FromDateTime(local));
        if (mapping.Count == 0)
            return (null, $"{text} does not exist in {Zone.Id} (the clocks skip it); pick another time.");

        // A time the clocks pass twice (autumn) is read as its first occurrence, as calendar apps do.
        return (mapping.First().ToInstant().ToDateTimeOffset(), null);
    }

    private static bool HasExplicitOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
