using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>The pull's log lines that the README promises: why an event is not synced, and which version lost a conflict.</summary>
internal sealed class GooglePullLog(ILogger logger)
{
    public void Skip(GooglePullCounts counts, string userId, GoogleEvent googleEvent, string reason)
    {
        counts.Skipped++;
        logger.LogWarning("Google event {GoogleEventId} of {UserId} not synced: {Reason}", googleEvent.Id, userId, reason);
    }

    /// <summary>The errors of a refused change as one reason: <c>field: message; …</c>.</summary>
    public static string Reason(IEnumerable<ValidationError> errors) => string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));

    /// <summary>Why a series change was refused, in the words the API would answer with.</summary>
    public static string Reason(CalendarOutcome refusal) => refusal switch
    {
        CalendarOutcome.Invalid invalid => Reason(invalid.Errors),
        CalendarOutcome.LimitReached limit => limit.Detail,
        _ => refusal.GetType().Name,
    };

    /// <summary>Our later local version wins over Google's, which is logged here and then overwritten.</summary>
    public void LocalWins(CalendarEvent ours, GoogleEvent googleEvent, DateTimeOffset googleUpdated) =>
        logger.LogWarning(
            "Conflict on event {EventId} of {UserId}: local version {Version} updated {LocalUpdated} wins over Google's {GoogleStatus} version updated {GoogleUpdated} ({GoogleSummary})",
            ours.EventId, ours.UserId, ours.Version, ours.UpdatedAt, googleEvent.Status ?? "confirmed", googleUpdated, googleEvent.Summary);

    /// <summary>Logs the local version a Google change replaces when it held a local edit Google had not seen yet.</summary>
    public void LocalLoss(CalendarEvent ours, DateTimeOffset googleUpdated, string what)
    {
        if (ours.Source == GoogleSyncService.SourceGoogle || (ours.GoogleLink is { } link && ours.UpdatedAt <= link.Updated))
            return;
        logger.LogWarning(
            "Conflict on event {EventId} of {UserId}: Google {What} it at {GoogleUpdated}, after local version {Version} updated {LocalUpdated} ({Title}), which loses",
            ours.EventId, ours.UserId, what, googleUpdated, ours.Version, ours.UpdatedAt, ours.Title);
    }
}
