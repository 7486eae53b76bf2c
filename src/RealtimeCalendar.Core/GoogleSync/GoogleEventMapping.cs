using System.Text;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.TimeZones;
using RealtimeCalendar.Core.Text;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>Translates between a Google event and ours. Only what both sides can express is synced.</summary>
public static class GoogleEventMapping
{
    public const string UntitledSummary = "(No title)";
    public const string FallbackTimeZone = "UTC";

    /// <summary>
    /// The local draft for a Google event. Text is cut to our limits on a character boundary (Google allows longer);
    /// line breaks and other control characters in a one-line field become spaces; a zone we do not know becomes UTC, a known one its canonical spelling.
    /// A timed event without an end (<c>endTimeUnspecified</c>, or none sent) ends when it starts. Reminders: Google's
    /// popups, or the defaults for <c>useDefault</c> (<see cref="GoogleReminderMapping.FromGoogle"/>). The result still
    /// goes through <see cref="EventValidator"/>.
    /// </summary>
    public static EventDraft ToDraft(GoogleEvent googleEvent, string? calendarTimeZone)
    {
        if (!IanaTimeZones.TryGetCanonicalId(googleEvent.Start?.TimeZone ?? calendarTimeZone, out var zone))
            zone = FallbackTimeZone;

        var summary = OneLine(googleEvent.Summary).Trim();
        var title = summary.Length == 0 ? UntitledSummary : TextCut.ToLength(summary, EventLimits.TitleMaxLength);
        var description = string.IsNullOrEmpty(googleEvent.Description) ? null : TextCut.ToLength(googleEvent.Description, EventLimits.DescriptionMaxLength);
        var location = OneLine(googleEvent.Location) is { Length: > 0 } place ? TextCut.ToLength(place, EventLimits.LocationMaxLength) : null;
        var reminders = GoogleReminderMapping.FromGoogle(googleEvent.Reminders);

        if (googleEvent.Start?.Date is { } startDate)
        {
            var endDate = googleEvent.End?.Date is { } end && end > startDate ? end : startDate.AddDays(1);
            return new EventDraft(title, UtcMidnight(startDate), UtcMidnight(endDate), AllDay: true, zone, description, location, Reminders: reminders);
        }

        var start = googleEvent.Start?.DateTime;
        var endTime = googleEvent.EndTimeUnspecified ? start : googleEvent.End?.DateTime ?? start;
        return new EventDraft(title, start, endTime, AllDay: false, zone, description, location, Reminders: reminders);
    }

    /// <summary>The <see cref="EventTypes"/> value of a Google event (Google leaves <c>eventType</c> out on old events).</summary>
    public static string EventTypeOf(GoogleEvent googleEvent) =>
        string.IsNullOrEmpty(googleEvent.EventType) ? EventTypes.Default : googleEvent.EventType;

    /// <summary>
    /// Where a Google instance originally starts (its <c>originalStartTime</c>) as we store it: the UTC instant of a
    /// <c>dateTime</c>, or midnight UTC of a <c>date</c>; null when Google sent neither.
    /// </summary>
    public static DateTimeOffset? OriginalStartOf(GoogleEvent googleEvent) => googleEvent.OriginalStartTime switch
    {
        { Date: { } date } => UtcMidnight(date),
        { DateTime: { } instant } => StoredInstant.Of(instant),
        _ => null,
    };

    /// <summary>
    /// The Google shape of a local event; all-day events become date-only (Google's end date is exclusive, like ours).
    /// Every field is given, absent ones as null, so a patch replaces what Google holds instead of merging into it.
    /// A series carries its <c>recurrence</c> lines as we hold them (RFC 5545, EXDATEs included); an override is sent
    /// without one (an instance has no rule of its own). Reminders carry Google's e-mail reminders along
    /// (<paramref name="googleEmailMinutes"/>, by default those of the Google version the event is linked to); null
    /// reminders leave Google's as they are (<see cref="GoogleReminderMapping.ToGoogle"/>).
    /// </summary>
    public static GoogleEvent ToGoogle(CalendarEvent calendarEvent, string? id = null, string? status = null, IReadOnlyList<int>? googleEmailMinutes = null)
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
            Etag: null,
            Recurrence: calendarEvent.Recurrence,
            Reminders: GoogleReminderMapping.ToGoogle(calendarEvent.Reminders, googleEmailMinutes ?? calendarEvent.GoogleLink?.EmailReminderMinutes));
    }

    private static DateTimeOffset UtcMidnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(char.IsControl))
            return text ?? string.Empty;
        var line = new StringBuilder(text.Length);
        foreach (var c in text)
            line.Append(char.IsControl(c) ? ' ' : c);
        return line.ToString();
    }
}
