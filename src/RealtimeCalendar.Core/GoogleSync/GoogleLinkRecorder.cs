using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>Records on a local event which Google version it now matches, after we wrote it to Google.</summary>
internal static class GoogleLinkRecorder
{
    public static async Task RecordAsync(
        IEventStore events, CalendarEvent calendarEvent, GoogleEvent stored, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var link = new GoogleEventLink(
            stored.Id ?? calendarEvent.EventId,
            stored.Etag ?? string.Empty,
            StoredInstant.Of(stored.Updated ?? time.GetUtcNow()),
            GoogleReminderMapping.EmailMinutes(stored.Reminders));
        var outcome = await events.SetGoogleLinkAsync(calendarEvent.UserId, calendarEvent.EventId, calendarEvent.Version, link, cancellationToken);
        if (outcome != StoreWriteOutcome.Written)
        {
            // A newer local edit landed meanwhile; its own push patches Google and records the link then.
            logger.LogInformation("Link of event {EventId} not recorded: {Outcome}", calendarEvent.EventId, outcome);
        }
    }
}
