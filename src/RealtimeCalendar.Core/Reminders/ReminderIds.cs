using System.Globalization;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// A reminder's id names what it reminds of, so every delivery of the same reminder carries the same id and a tab or
/// service worker that sees it twice shows it once: <c>{eventId}.{occurrence start, yyyyMMdd'T'HHmmss'Z'}.{minutes}</c>
/// (the event id is an occurrence id, <c>{seriesId}_{originalStart}</c>, for a series). Moving the event (or the
/// occurrence) makes a new reminder; editing only its title keeps the id. Only URL-safe characters, for
/// <c>/api/reminders/{reminderId}/dismiss</c>.
/// </summary>
public static class ReminderIds
{
    private const string StartFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static string For(string eventId, DateTimeOffset occurrenceStart, int minutesBefore) =>
        string.Create(CultureInfo.InvariantCulture, $"{eventId}.{occurrenceStart.UtcDateTime.ToString(StartFormat, CultureInfo.InvariantCulture)}.{minutesBefore}");

    /// <summary>True for an id <see cref="For"/> could have made; anything else is refused before any I/O.</summary>
    public static bool IsWellFormed(string? id)
    {
        var parts = id?.Split('.');
        if (parts is not { Length: 3 } || !EventIds.IsWellFormedOrInstance(parts[0]))
            return false;
        if (!DateTimeOffset.TryParseExact(parts[1], StartFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            return false;
        return int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && minutes <= ReminderLimits.MaxMinutes
            && parts[2] == minutes.ToString(CultureInfo.InvariantCulture);
    }
}
