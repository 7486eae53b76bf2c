using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Recurrence;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// The push's part for recurring events. A series goes to Google whole, <c>recurrence</c> included (inserted under our
/// id, so a split's new series is a second Google series). An override goes to Google as a patch of its instance
/// (<see cref="GoogleEventIds.Instance"/>: the Google series id and the original start), which Google keeps as an
/// exception. An occurrence cancelled here (an EXDATE added to the series) is deleted as that instance, which is how
/// Google itself cancels one: the series resource is not touched, so a concurrent edit of the series in Google does not
/// turn the cancellation into a 412, and Google's apps show it as Google's own "delete this event".
/// Stream records of one transaction arrive in no set order across items, so an override whose series is not on
/// Google yet waits: the series' insert sends every override it has.
/// </summary>
internal sealed class GoogleSeriesPush(IEventStore events, TimeProvider time, ILogger logger)
{
    /// <summary>Sends the committed series <paramref name="current"/> (<paramref name="before"/>: the stream's old image).</summary>
    /// <exception cref="GoogleCalendarException">Google refused a call; a 412 on the series is the caller's to resolve.</exception>
    public async Task<GooglePushOutcome> PushSeriesAsync(IGoogleCalendarClient client, string userId, CalendarEvent? before, CalendarEvent current, CancellationToken cancellationToken)
    {
        if (current.GoogleLink is not { } link)
        {
            var inserted = await GooglePush.InsertOnGoogleAsync(client, current, cancellationToken);
            await GoogleLinkRecorder.RecordAsync(events, current, inserted, time, logger, cancellationToken);
            var googleSeriesId = inserted.Id ?? current.EventId;
            foreach (var change in await OverridesAsync(current, cancellationToken))
                await SendOverrideQuietlyAsync(client, userId, googleSeriesId, current, change, cancellationToken);
            logger.LogInformation("Series {EventId} of {UserId} inserted on Google with its overrides", current.EventId, userId);
            return GooglePushOutcome.Pushed;
        }

        var previous = before is { IsSeries: true } ? RecurrenceParser.Parse(before.Recurrence!, []) : null;
        var now = RecurrenceParser.Parse(current.Recurrence!, []) ?? throw new FormatException($"Stored series {current.EventId} has an unreadable recurrence.");
        if (previous is not null)
        {
            var had = previous.ExceptionDates.Select(Instant).ToHashSet();
            var cancelled = now.ExceptionDates.Select(Instant).Where(i => !had.Contains(i)).ToList();
            foreach (var originalStart in cancelled)
                await CancelInstanceAsync(client, userId, GoogleEventIds.Instance(link.EventId, originalStart, current.AllDay), cancellationToken);
            // Only overrides listed or unlisted (each pushes itself), or occurrences cancelled: the series stays as Google has it.
            if (!ChangedBeyondCancellations(before!, previous, current, now))
                return cancelled.Count > 0 ? GooglePushOutcome.Pushed : GooglePushOutcome.NotNeeded;
        }

        var stored = await client.PatchEventAsync(link.EventId, GoogleEventMapping.ToGoogle(current), link.Etag, cancellationToken);
        await GoogleLinkRecorder.RecordAsync(events, current, stored, time, logger, cancellationToken);
        logger.LogInformation("Series {EventId} of {UserId} pushed to Google", current.EventId, userId);
        return GooglePushOutcome.Pushed;
    }

    /// <summary>Sends the committed override <paramref name="current"/> as a patch of its Google instance.</summary>
    /// <exception cref="GoogleCalendarException">Google refused the patch (404: the instance is not one of Google's series any more).</exception>
    public async Task<GooglePushOutcome> PushOverrideAsync(IGoogleCalendarClient client, string userId, CalendarEvent? before, CalendarEvent current, CancellationToken cancellationToken)
    {
        if (await events.GetAsync(userId, current.RecurringEventId!, cancellationToken) is not { IsSeries: true } series)
            return GooglePushOutcome.NotNeeded;
        if (series.GoogleLink is not { } seriesLink)
        {
            logger.LogInformation("Override {EventId} of {UserId} waits for its series {SeriesId} to reach Google", current.EventId, userId, series.EventId);
            return GooglePushOutcome.WaitsForSeries;
        }

        var instanceId = GoogleEventIds.Instance(seriesLink.EventId, current.OriginalStartTime!.Value, series.AllDay);
        // A "this and following" split moved the override to the new series: its old instance belongs to the old series.
        if (before?.GoogleLink is { } old && old.EventId != instanceId)
            await CancelInstanceAsync(client, userId, old.EventId, cancellationToken);

        await SendOverrideAsync(client, instanceId, current, cancellationToken);
        return GooglePushOutcome.Pushed;
    }

    private async Task SendOverrideAsync(IGoogleCalendarClient client, string instanceId, CalendarEvent change, CancellationToken cancellationToken)
    {
        var etag = change.GoogleLink is { } link && link.EventId == instanceId ? link.Etag : null;
        var stored = await client.PatchEventAsync(instanceId, GoogleEventMapping.ToGoogle(change), etag, cancellationToken);
        await GoogleLinkRecorder.RecordAsync(events, change, stored, time, logger, cancellationToken);
        logger.LogInformation("Override {EventId} of {UserId} pushed to Google instance {InstanceId}", change.EventId, change.UserId, instanceId);
    }

    // One override Google will not take must not keep the series' others from Google.
    private async Task SendOverrideQuietlyAsync(
        IGoogleCalendarClient client, string userId, string googleSeriesId, CalendarEvent series, CalendarEvent change, CancellationToken cancellationToken)
    {
        var instanceId = GoogleEventIds.Instance(googleSeriesId, change.OriginalStartTime!.Value, series.AllDay);
        try
        {
            if (change.GoogleLink is { } old && old.EventId != instanceId)
                await CancelInstanceAsync(client, userId, old.EventId, cancellationToken);
            await SendOverrideAsync(client, instanceId, change, cancellationToken);
        }
        catch (GoogleCalendarException e) when (e.Status is >= 400 and < 500)
        {
            logger.LogWarning("Google refused override {EventId} of {UserId} as instance {InstanceId} with {Status}", change.EventId, userId, instanceId, e.Status);
        }
    }

    private async Task CancelInstanceAsync(IGoogleCalendarClient client, string userId, string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteEventAsync(instanceId, cancellationToken);
            logger.LogInformation("Google instance {InstanceId} of {UserId} cancelled", instanceId, userId);
        }
        catch (GoogleCalendarException e) when (e.IsGone || e.IsNotFound)
        {
            // Already cancelled, or the rule on Google no longer has it: nothing is left to cancel.
        }
    }

    /// <summary>True when more changed than EXDATEs added (or overrides listed): the series itself must be patched.</summary>
    private static bool ChangedBeyondCancellations(CalendarEvent before, RecurrenceSet previous, CalendarEvent current, RecurrenceSet now) =>
        before.Title != current.Title
        || before.Description != current.Description
        || before.Location != current.Location
        || before.Start != current.Start
        || before.End != current.End
        || before.AllDay != current.AllDay
        || before.TimeZone != current.TimeZone
        || previous.Rule != now.Rule
        || !previous.RecurrenceDates.Select(Instant).ToHashSet().SetEquals(now.RecurrenceDates.Select(Instant))
        || !previous.ExceptionDates.Select(Instant).ToHashSet().IsSubsetOf(now.ExceptionDates.Select(Instant));

    private async Task<IReadOnlyList<CalendarEvent>> OverridesAsync(CalendarEvent series, CancellationToken cancellationToken) =>
        series.OverrideIds is { Count: > 0 } ids ? await events.GetManyAsync(series.UserId, ids, cancellationToken) : [];

    private static DateTimeOffset Instant(RecurrenceDateValue value) => value.ToInstant().ToDateTimeOffset();
}
