using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.TimeZones;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>Translates between a Google event and ours. Only what both sides can express is synced.</summary>
public static class GoogleEventMapping
{
    public const string UntitledSummary = "(No title)";
    public const string FallbackTimeZone = "UTC";

    /// <summary>
    /// The local draft for a Google event. Text is cut to our limits (Google allows longer); a zone we do not know
    /// becomes UTC, a known one its canonical spelling. The result still goes through <see cref="EventValidator"/>.
    /// </summary>
    public static EventDraft ToDraft(GoogleEvent googleEvent, string? calendarTimeZone)
    {
        if (!IanaTimeZones.TryGetCanonicalId(googleEvent.Start?.TimeZone ?? calendarTimeZone, out var zone))
            zone = FallbackTimeZone;

        var title = string.IsNullOrWhiteSpace(googleEvent.Summary) ? UntitledSummary : Cut(googleEvent.Summary.Trim(), EventLimits.TitleMaxLength);
        var description = string.IsNullOrEmpty(googleEvent.Description) ? null : Cut(googleEvent.Description, EventLimits.DescriptionMaxLength);
        var location = string.IsNullOrEmpty(googleEvent.Location) ? null : Cut(googleEvent.Location, EventLimits.LocationMaxLength);

        if (googleEvent.Start?.Date is { } startDate)
        {
            var endDate = googleEvent.End?.Date ?? startDate.AddDays(1);
            return new EventDraft(title, UtcMidnight(startDate), UtcMidnight(endDate), AllDay: true, zone, description, location);
        }

        return new EventDraft(title, googleEvent.Start?.DateTime, googleEvent.End?.DateTime, AllDay: false, zone, description, location);
    }

    /// <summary>The Google shape of a local event; all-day events become date-only (Google's end date is exclusive, like ours).</summary>
    public static GoogleEvent ToGoogle(CalendarEvent calendarEvent, string? id = null, string? status = null)
    {
        GoogleEventTime Time(DateTimeOffset instant) => calendarEvent.AllDay
            ? new GoogleEventTime(null, DateOnly.FromDateTime(instant.UtcDateTime), null)
            : new GoogleEventTime(instant.ToUniversalTime(), null, calendarEvent.TimeZone);

        return new GoogleEvent(
            id,
            status,
            calendarEvent.Title,
            calendarEvent.Description,
            calendarEvent.Location,
            Time(calendarEvent.Start),
            Time(calendarEvent.End),
            Updated: null,
            Etag: null);
    }

    private static DateTimeOffset UtcMidnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Cut(string text, int maxLength) => text.Length <= maxLength ? text : text[..maxLength];
}
