using System.Globalization;
using NodaTime;
using RealtimeCalendar.Core.TimeZones;

namespace RealtimeCalendar.Core.Recurrence;

/// <summary>
/// One EXDATE or RDATE value (RFC 5545 sections 3.8.5.1 and 3.8.5.2): a date (<c>VALUE=DATE</c>), a UTC date-time
/// (<c>…Z</c>), or a local date-time in the line's <c>TZID</c>.
/// </summary>
/// <param name="Date">The calendar date.</param>
/// <param name="Time">The time of day; null for a <c>VALUE=DATE</c> value.</param>
/// <param name="TimeZone">The IANA zone of a local time, <c>UTC</c> for a <c>Z</c> value, null for a date.</param>
public sealed record RecurrenceDateValue(DateOnly Date, TimeOnly? Time, string? TimeZone)
{
    /// <summary>The instant this value names; for a date, midnight UTC of that date (how all-day events are stored).</summary>
    public Instant ToInstant()
    {
        if (Time is not { } time)
            return Instant.FromUtc(Date.Year, Date.Month, Date.Day, 0, 0);

        var local = new LocalDateTime(Date.Year, Date.Month, Date.Day, time.Hour, time.Minute, time.Second);
        var zone = TimeZone is null or "UTC" ? DateTimeZone.Utc : IanaTimeZones.GetZone(TimeZone);
        // RFC 5545 section 3.3.5: a local time the clocks skip is read with the offset before the gap.
        return local.InZoneLeniently(zone).ToInstant();
    }

    /// <summary>The value as it is written in a <c>recurrence</c> line (without its parameters).</summary>
    public override string ToString() => Time is { } time
        ? string.Create(CultureInfo.InvariantCulture, $"{Date:yyyyMMdd}T{time:HHmmss}{(TimeZone == "UTC" ? "Z" : "")}")
        : Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
